"""Agency extracts (cbp, ice, orr) read, standardised and staged for record linkage."""
