"""Given names and surnames, with rough relative frequencies.

Surname weights follow the order of the most common surnames in each country (public
surname-frequency lists); given names are those common among Central American,
Mexican and Brazilian adults born 1970-2000 and children born 2000-2018. The weights
are relative and approximate: enough that "López" is common and "Xitumul" rare.

Tables are written "Name:weight, Name:weight"; names may hold spaces and apostrophes.
"""

from reunify.synth.weighted import WeightedTable


def parse_weighted_names(spec: str) -> WeightedTable[str]:
    pairs: list[tuple[str, float]] = []
    for item in spec.split(","):
        name, _, weight = item.strip().rpartition(":")
        pairs.append((name, float(weight)))
    return WeightedTable(pairs)


SURNAMES: dict[str, WeightedTable[str]] = {
    "GT": parse_weighted_names(
        "López:60, Pérez:50, García:45, Hernández:35, Ramírez:30, Morales:28, González:28,"
        " Gómez:22, Rodríguez:20, Martínez:20, Cruz:18, Méndez:16, Vásquez:16, Reyes:14,"
        " Chávez:14, Velásquez:14, De León:12, Castillo:12, Juárez:12, Sánchez:12,"
        " Díaz:10, Ortiz:10, Estrada:10, Flores:10, Ramos:10, Alvarado:10, Aguilar:10,"
        " Barrios:10, Mejía:8, Jiménez:8, Mendoza:8, Fuentes:8, Orozco:8, Gutiérrez:8,"
        " de la Cruz:6, Escobar:6, Ruiz:6, Bautista:5, Carrillo:5, Marroquín:5,"
        " Cifuentes:4, Domingo:4, Lucas:4, Tomás:4, Monterroso:3, Sales:3, Gonzales:3,"
        " Coronado:3, Samayoa:3, Recinos:3, Zacarías:3, de Paz:3, Son:2"
    ),
    "HN": parse_weighted_names(
        "Hernández:50, López:35, Martínez:35, Rodríguez:30, García:28, Flores:25,"
        " Mejía:20, Reyes:20, Cruz:18, Rivera:15, Pérez:15, Sánchez:15, Ramírez:12,"
        " Gómez:12, Castro:10, Ramos:10, Zelaya:10, Aguilar:10, Díaz:10, Maradiaga:8,"
        " Velásquez:8, Ordóñez:8, Paz:8, Amaya:8, Romero:8, Mendoza:8, Murillo:6,"
        " Ávila:6, Chávez:6, Padilla:6, Bonilla:6, Medina:6, Alvarado:6, Matute:5,"
        " Andino:5, Banegas:5, Valladares:5, Caballero:5, Cáceres:5, Zúniga:5,"
        " Euceda:4, Oseguera:4, Osorto:4, Argueta:4, Lagos:4, Sierra:4, del Cid:4,"
        " Fúnez:4, Interiano:2, Guardado:3, Almendárez:2"
    ),
    "SV": parse_weighted_names(
        "Hernández:45, Martínez:35, López:30, García:25, Rodríguez:22, Rivas:20,"
        " Ramírez:18, Flores:18, Cruz:15, Romero:15, Pérez:15, Alvarado:12, Portillo:12,"
        " Rivera:12, Mejía:10, Ayala:10, Guevara:10, Argueta:10, Orellana:10,"
        " Sánchez:10, Reyes:10, Menjívar:8, Ventura:8, Henríquez:8, Quintanilla:8,"
        " Aguilar:8, Amaya:8, Bonilla:8, Escobar:8, Molina:8, Vásquez:8, Chicas:6,"
        " Mendoza:6, Castro:6, Díaz:6, Fuentes:6, Velásquez:6, Lemus:5, Navarro:5,"
        " Zelaya:5, Beltrán:5, Villalobos:4, Ascencio:4, Cornejo:4, Cañas:3, Deras:3,"
        " Majano:3, de la O:2"
    ),
    "MX": parse_weighted_names(
        "Hernández:45, García:40, Martínez:35, López:30, González:28, Pérez:22,"
        " Rodríguez:22, Sánchez:20, Ramírez:18, Cruz:14, Flores:14, Gómez:14,"
        " Vázquez:12, Morales:10, Reyes:10, Jiménez:10, Torres:10, Díaz:8,"
        " Gutiérrez:8, Ruiz:8, Mendoza:8, Aguilar:8, Ortiz:7, Castillo:7, Moreno:7,"
        " Romero:6, Álvarez:6, Chávez:6, Juárez:6, Rivera:5, Domínguez:5, Ramos:5,"
        " Herrera:5, Medina:5, Castro:4, Vargas:4, Guzmán:4, Velázquez:4, Salazar:4,"
        " Santiago:4, de la Cruz:3, Bautista:3, de la Rosa:2"
    ),
    "EC": parse_weighted_names(
        "Zambrano:10, Vera:8, Cedeño:8, Mendoza:8, Sánchez:8, García:8, López:8,"
        " Macías:7, Rodríguez:7, Pérez:7, Guamán:6, Vélez:6, Torres:6, Quishpe:5,"
        " Morocho:5, Cabrera:5, Jaramillo:5, Suárez:5, Espinoza:5, Morales:5,"
        " Peralta:4, Ortega:4, Loja:4, Sarmiento:4, Andrade:4, Chimbo:3, Zhunio:3,"
        " Tenesaca:3, Villa:3, Pesántez:3"
    ),
    "NI": parse_weighted_names(
        "López:20, Martínez:18, García:16, González:15, Hernández:15, Pérez:12,"
        " Rodríguez:12, Gutiérrez:10, Flores:8, Sánchez:8, Rivera:6, Reyes:6,"
        " Castillo:6, Espinoza:6, Mendoza:6, Ruiz:5, Obando:4, Jarquín:4, Blandón:4,"
        " Ortega:4, Membreño:3, Arauz:3, Urbina:3, Zeledón:3, Torrez:3, Téllez:3,"
        " Chavarría:3, Sequeira:3"
    ),
    "PE": parse_weighted_names(
        "Quispe:15, Flores:12, Sánchez:10, Rodríguez:10, García:10, Huamán:8, Rojas:8,"
        " Díaz:7, Chávez:7, Mamani:6, Torres:6, Ramírez:6, Vásquez:6, Mendoza:5,"
        " Castillo:5, Espinoza:5, Vargas:5, Condori:4, Cruz:4, Gutiérrez:4, Ramos:4,"
        " Salazar:4, Huanca:3"
    ),
    "CO": parse_weighted_names(
        "Rodríguez:15, Gómez:12, González:12, Martínez:11, García:11, López:10,"
        " Hernández:10, Sánchez:9, Ramírez:9, Pérez:9, Díaz:8, Muñoz:8, Rojas:8,"
        " Moreno:7, Jiménez:6, Vargas:6, Castro:5, Ortiz:5, Gutiérrez:5, Álvarez:5,"
        " Torres:5, Ruiz:5, Suárez:4, Romero:4, Valencia:4, Osorio:4, Cardona:4,"
        " Quintero:3, Restrepo:3, Arango:3"
    ),
    "BR": parse_weighted_names(
        "da Silva:30, Silva:20, dos Santos:20, Santos:10, de Oliveira:15, Oliveira:8,"
        " Souza:15, de Souza:6, Rodrigues:10, Ferreira:10, Alves:10, Pereira:10,"
        " Lima:8, Gomes:8, Costa:8, Ribeiro:7, Martins:7, Carvalho:6, Almeida:6,"
        " Lopes:5, Soares:5, Fernandes:5, Vieira:5, Barbosa:5, Rocha:5, Dias:5,"
        " Nascimento:5, Gonçalves:5, Andrade:4, Moreira:4, Nunes:4, Marques:4,"
        " Machado:4, Mendes:4, Freitas:4, Cardoso:4, de Jesus:4, do Nascimento:3,"
        " Ramos:3, Santana:3, Teixeira:3, da Costa:3, Batista:3, de Paula:2, Pinto:2,"
        " Campos:2, Moraes:2"
    ),
}

# Surnames typical of each Mayan language's home region. Mayan families also carry
# Spanish surnames; the naming rules mix the two.
MAYAN_SURNAMES: dict[str, WeightedTable[str]] = {
    "quc": parse_weighted_names(
        "Tzoc:5, Tzul:5, Tum:5, Xiloj:4, Cux:4, Yax:4, Batz:4, Ixcoy:3, Ajanel:3, Sic:3,"
        " Tzunun:3, Us:3, Chun:3, Coxaj:3, Tax:3, Calel:3, Guarchaj:3, Chox:3,"
        " Tambriz:3, Lux:3, Tecún:3, Ixchop:2, Quiacaín:2, Quisquiná:2, Chivalán:2,"
        " Cuc:2, Tiniguar:2, Xitumul:2"
    ),
    "mam": parse_weighted_names(
        "Pablo:5, Mendoza:5, Ramírez:5, Pérez:5, Calmo:4, Matías:4, Jiménez:4,"
        " Domingo:4, Velásquez:4, Bravo:3, Escalante:3, Gabriel:3, Cardona:3,"
        " Carrillo:3, Hernández:3, Cano:2, Sales:2, Ordóñez:2, Fuentes:2"
    ),
    "kjb": parse_weighted_names(
        "Pascual:6, Francisco:5, Mateo:5, Diego:5, Juan:4, Pedro:4, Andrés:4,"
        " Domingo:4, Lucas:4, Tomás:3, Gaspar:3, Sebastián:3, Miguel:3, Simón:2,"
        " Nicolás:2, Alonzo:2, Baltazar:2, Manuel:2, Esteban:2"
    ),
    "cak": parse_weighted_names(
        "Cumes:4, Cuxil:3, Sutuj:3, Xinico:3, Patzán:3, Boror:3, Sicán:3, Ajú:3, Sotz:3,"
        " Tubac:3, Chiquitó:2, Xicará:2, Coroy:2, Simón:2, Choy:2, Chicol:2,"
        " Sisimit:2, Yool:2, Pirir:2, Cutzal:2, Otzoy:2"
    ),
    "kek": parse_weighted_names(
        "Caal:6, Coc:5, Choc:5, Xol:4, Pop:4, Tiul:4, Cu:4, Bol:4, Maquin:3, Ical:3,"
        " Botzoc:3, Chub:3, Cuz:3, Tut:3, Chen:2, Xi:2, Sacul:2, Pec:2, Chocooj:2,"
        " Tec:2, Caz:2, Quej:2, Yat:2"
    ),
    "knj": parse_weighted_names(
        "Andrés:4, Pedro:4, Miguel:4, Francisco:3, Mateo:3, Gaspar:3, Tomás:3,"
        " Diego:3, Juan:3, Domingo:3, Tadeo:2, Lorenzo:2, Hurtado:2"
    ),
    "cac": parse_weighted_names(
        "Jorge:3, Pérez:3, Gaspar:3, Mateo:3, Diego:3, Lucas:3, Juan:3, Pascual:3,"
        " Domingo:3, Andrés:3, Tadeo:2, Simón:2, Sebastián:2, Velasco:2"
    ),
    "ixl": parse_weighted_names(
        "Brito:4, Raymundo:4, Caba:3, Cobo:3, Ceto:3, Chávez:3, Bernal:2, Guzmán:2,"
        " de Paz:2, Solís:2, Marcos:2, Corio:2, Toma:2, Terraza:2, Sánchez:2"
    ),
    "jac": parse_weighted_names(
        "Montejo:4, Camposeco:4, Silvestre:3, Delgado:3, Jiménez:3, Quiñónez:2,"
        " Hurtado:2, Castañeda:2, Díaz:2, Velasco:2"
    ),
}
# Honduras's Garifuna coast has surnames of its own.
GARIFUNA_SURNAMES = parse_weighted_names(
    "Martínez:5, Álvarez:4, Castillo:4, Suazo:4, Bernárdez:3, Arzú:3, Guity:3,"
    " Lacayo:3, Sambulá:3, Norales:3, Colón:3, Zúniga:2, Palacios:2, Ávila:2"
)
