"""Given names by language area, sex and generation (adults born 1960-2000, children
born 2000-2018). Weights are relative and rough; see `name_pools` for the format."""

from reunify.synth.name_pools import parse_weighted_names
from reunify.synth.weighted import WeightedTable

HISPANIC_WOMEN = parse_weighted_names(
    "María:30, Ana:12, Rosa:10, Juana:8, Sandra:6, Wendy:6, Karla:6, Marta:5, Glenda:5,"
    " Sonia:5, Gloria:5, Blanca:5, Lilian:5, Evelyn:5, Jessica:5, Claudia:5, Carmen:5,"
    " Heidy:4, Yeni:4, Lesly:4, Olga:4, Reina:4, Iris:4, Ingrid:4, Mirna:4, Norma:4,"
    " Cindy:4, Yesenia:4, Marisol:4, Maritza:4, Isabel:4, Brenda:4, Mayra:4, Elena:4,"
    " Catarina:4, Dilma:3, Delmy:3, Elvia:3, Marleny:3, Ericka:3, Dora:3, Sara:3,"
    " Elsa:3, Paola:3, Candelaria:3, Petrona:3, Magdalena:3, Francisca:3, Aura:3,"
    " Lidia:3, Vilma:3, Xiomara:3, Yolanda:3, Doris:3, Griselda:3, Irma:3, Teresa:3,"
    " Lucía:3, Suyapa:3, Jenny:3, Cristina:3, Verónica:3, Guadalupe:3, Gabriela:3,"
    " Patricia:3, Silvia:3, Lorena:3, Zoila:2, Santos:2, Micaela:2, Keila:2, Nelly:2,"
    " Emilia:2, Esperanza:2, Yasmín:2, Jackeline:2, Kenia:2, Dania:2, Xenia:2,"
    " Yohana:2, Zulma:2, Floridalma:2, Hilda:2, Estela:2, Alba:2, Imelda:2, Leticia:2,"
    " Adriana:2, Juliana:2, Josefa:2, Fidelina:1, Rubidia:1, Fernanda:1"
)
HISPANIC_MEN = parse_weighted_names(
    "José:25, Juan:18, Carlos:10, Luis:8, Francisco:7, Jorge:6, Mario:6, Pedro:6,"
    " Miguel:6, Manuel:6, Marvin:5, Edwin:5, Nelson:5, Óscar:5, Walter:5, Antonio:5,"
    " Byron:4, Elmer:4, Wilmer:4, Santos:4, Denis:4, Erick:4, Fredy:4, Cristian:4,"
    " Julio:4, Diego:4, Roberto:4, Ricardo:4, Eduardo:4, Ángel:4, David:4, Daniel:4,"
    " Edgar:4, Darwin:3, Rony:3, Selvin:3, Rigoberto:3, Héctor:3, Melvin:3, Alex:3,"
    " Wilson:3, Mateo:3, Pascual:3, Sebastián:3, Domingo:3, Andrés:3, Tomás:3, Hugo:3,"
    " Rolando:3, Josué:3, Samuel:3, Alexander:3, Henry:3, Rafael:3, Mynor:3,"
    " Fernando:3, Javier:3, Jesús:3, Marlon:3, Orlando:3, Pablo:3, Ramón:3, Sergio:3,"
    " Wilfredo:3, Oswaldo:2, Ever:2, Elder:2, Olvin:2, Baltazar:2, Gaspar:2,"
    " Lorenzo:2, Ramiro:2, Otoniel:2, Efraín:2, Abner:2, Isaías:2, Jairo:2, Esvin:2,"
    " Ervin:2, Gerson:2, Alfredo:2, Armando:2, Arnoldo:2, Brayan:2, Estuardo:2,"
    " Gustavo:2, Leonel:2, Milton:2, Noé:2, Reynaldo:2, Santiago:2, Yovani:2,"
    " Gilberto:2, Axel:1, Vidal:1, Faustino:1, Catarino:1, Cándido:1, Lázaro:1,"
    " Abelino:1"
)
HISPANIC_GIRLS = parse_weighted_names(
    "María:10, Ashley:6, Sofía:6, Valeria:6, Génesis:6, Allison:5, Dayana:5, Camila:5,"
    " Melany:5, Emily:5, Daniela:5, Kimberly:5, Ana:5, Dulce:4, Yoselin:4, Nicol:4,"
    " Katherine:4, Andrea:4, Fernanda:4, Abigail:4, Keyli:3, Britany:3, Angie:3,"
    " Hillary:3, Nayeli:3, Lizbeth:3, Jimena:3, Heidy:3, Alison:3, Brenda:3,"
    " Madelin:3, Estefany:3, Mía:3, Juana:3, Rosa:3, Isabel:3, Jennifer:3, Evelyn:3,"
    " Lesly:3, Karla:3, Nataly:3, Michelle:3, Joselyn:3, Lucía:3, Alejandra:3,"
    " Gabriela:3, Karen:3, Yaritza:2, Cristel:2, Catarina:2, Elena:2, Magdalena:2,"
    " Yeimi:2, Yoseline:2, Wendy:2, Marisol:2, Yulisa:2, Dania:2, Guadalupe:2,"
    " Paola:2, Helen:2, Astrid:2, Keyla:2, Candelaria:1"
)
HISPANIC_BOYS = parse_weighted_names(
    "José:8, Brayan:6, Kevin:6, Ángel:6, Juan:6, Anthony:5, Josué:5, Cristian:5,"
    " Daniel:5, David:5, Luis:5, Jonathan:4, Alexander:4, Dylan:4, Mateo:4,"
    " Santiago:4, Diego:4, Jesús:4, Carlos:4, Erick:4, Miguel:4, Jefferson:3,"
    " Eduardo:3, Fernando:3, Joshua:3, Axel:3, Darwin:3, Edgar:3, Isaac:3, Pedro:3,"
    " Sebastián:3, Kelvin:3, Samuel:3, Francisco:3, Yeferson:2, Gael:2, Kenneth:2,"
    " Jostin:2, Ronaldo:2, Selvin:2, Elder:2, Wilder:2, Elías:2, Abner:2, Esteban:2,"
    " Héctor:2, Adonis:2, Mynor:2, Byron:2, Franklin:2, Gerson:2, Pablo:2, Mario:2,"
    " Óscar:2, Anderson:2, Jairo:2, Wilmer:2, Denis:2, Emerson:2, Estiven:2, Yostin:1"
)
# Names still usual in Mayan-speaking towns; mixed into those families' draws.
MAYAN_TOWN_WOMEN = parse_weighted_names(
    "Juana:6, Catarina:5, María:8, Petrona:4, Micaela:3, Candelaria:3, Magdalena:4,"
    " Francisca:4, Manuela:3, Rosa:4, Tomasa:2, Sebastiana:2, Lucía:3, Isabel:3,"
    " Marta:4, Dominga:2, Andrea:2, Juliana:2, Pascuala:2, Margarita:3, Elena:3"
)
MAYAN_TOWN_MEN = parse_weighted_names(
    "Juan:8, Pedro:6, Diego:5, Mateo:5, Pascual:4, Gaspar:3, Baltazar:3, Domingo:4,"
    " Andrés:4, Tomás:4, Sebastián:4, Lorenzo:3, Miguel:4, Francisco:5, Marcos:3,"
    " Nicolás:3, Lucas:3, Felipe:3, Santiago:3, Cristóbal:2, Alonzo:2"
)

SECOND_FOR_WOMEN = parse_weighted_names(
    "Elizabeth:5, Isabel:5, Carolina:4, Elena:4, Yamileth:3, Beatriz:3, Guadalupe:3,"
    " del Carmen:3, Marisol:3, Lucía:3, Gabriela:3, Alejandra:3, Patricia:3,"
    " Margarita:3, Maribel:3, Esmeralda:3, Esperanza:2, Magdalena:2, Fernanda:2,"
    " Noemí:2, Judith:2, Azucena:2, Leticia:2, Roxana:2, Yesenia:2, Lorena:2,"
    " Mercedes:2, Ester:2, Antonia:2, Suyapa:2, Aracely:2, Yolanda:2, Yaneth:2,"
    " Marina:2, Ofelia:2, Liseth:2, Concepción:1"
)
# "María José", "María de los Ángeles": second names that follow María in particular.
SECOND_AFTER_MARIA = parse_weighted_names(
    "José:6, de los Ángeles:4, del Carmen:4, Fernanda:4, Isabel:3, Elena:3,"
    " Guadalupe:3, Concepción:2, Magdalena:2, Teresa:2, Cristina:2, Luisa:2,"
    " Dolores:2, Mercedes:2, de Jesús:2"
)
SECOND_FOR_MEN = parse_weighted_names(
    "Antonio:6, Luis:4, Carlos:4, Manuel:4, Alberto:4, Alexander:3, Armando:3,"
    " Enrique:3, Francisco:3, Javier:3, Eduardo:3, Roberto:3, Daniel:3, David:3,"
    " Miguel:3, Ángel:3, de Jesús:3, Adolfo:2, Ernesto:2, Fernando:2, Gabriel:2,"
    " Humberto:2, Israel:2, Leonel:2, Orlando:2, Rafael:2, René:2, Rolando:2, Saúl:2,"
    " Estuardo:2, Amílcar:2, Abraham:2, Obed:1, Noé:1, Guadalupe:1"
)

BRAZILIAN_WOMEN = parse_weighted_names(
    "Maria:8, Ana:6, Juliana:5, Fernanda:5, Patrícia:5, Aline:5, Camila:4, Renata:4,"
    " Vanessa:4, Luciana:4, Adriana:4, Simone:4, Cristiane:4, Cláudia:4, Daniela:3,"
    " Gabriela:3, Larissa:3, Tatiane:3, Rosana:3, Eliane:3, Sandra:3, Débora:3,"
    " Priscila:3, Jéssica:3, Kelly:2, Joana:2, Rosângela:2, Valéria:2, Michele:2,"
    " Elaine:2"
)
BRAZILIAN_MEN = parse_weighted_names(
    "João:6, José:6, Carlos:5, Paulo:5, Marcos:5, Lucas:4, Rafael:4, Rodrigo:4,"
    " Anderson:4, Thiago:4, Fábio:4, Leandro:4, Márcio:4, Bruno:4, Antônio:4, Luiz:4,"
    " Alexandre:4, Wellington:3, Diego:3, Gustavo:3, Eduardo:3, Sérgio:3, Edson:3,"
    " Vinícius:3, Ricardo:3, Renato:3, Cleber:2, Rogério:2, Valdir:2, Wagner:2"
)
BRAZILIAN_GIRLS = parse_weighted_names(
    "Sophia:5, Isabella:5, Júlia:5, Alice:4, Helena:4, Valentina:4, Laura:4, Luiza:4,"
    " Maria Eduarda:4, Beatriz:4, Manuela:3, Heloísa:3, Lorena:3, Giovanna:3,"
    " Yasmin:3, Ana Clara:3, Maria Clara:3, Lívia:3, Letícia:3, Rafaela:3"
)
BRAZILIAN_BOYS = parse_weighted_names(
    "Miguel:5, Arthur:5, Davi:5, Gabriel:5, Matheus:5, Lucas:5, Pedro:4, Enzo:4,"
    " Guilherme:4, João Pedro:4, Heitor:3, Bernardo:3, Samuel:3, Pedro Henrique:3,"
    " Gustavo:3, Rafael:3, Nicolas:3, Kauã:3, Felipe:3, Murilo:2"
)

# (sex, is_child) → table, per language area.
GivenNameTables = dict[tuple[str, bool], WeightedTable[str]]

HISPANIC_GIVEN: GivenNameTables = {
    ("F", False): HISPANIC_WOMEN,
    ("M", False): HISPANIC_MEN,
    ("F", True): HISPANIC_GIRLS,
    ("M", True): HISPANIC_BOYS,
}
BRAZILIAN_GIVEN: GivenNameTables = {
    ("F", False): BRAZILIAN_WOMEN,
    ("M", False): BRAZILIAN_MEN,
    ("F", True): BRAZILIAN_GIRLS,
    ("M", True): BRAZILIAN_BOYS,
}
