"""Language data of the engine: default customer replies and hint texts (nl.yaml, en.yaml)."""
