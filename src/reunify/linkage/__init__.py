"""Record linkage: which extract records are one person (Splink on DuckDB), and how well.

`records_frame` builds the table linkage reads, `person_model` holds the Splink model,
`run_linkage` trains, predicts and clusters, `evaluation` scores against ground truth.
"""
