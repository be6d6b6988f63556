"""smartharvest: harvest Czech SMART strategies into DuckDB (settings + CLI live here)."""
