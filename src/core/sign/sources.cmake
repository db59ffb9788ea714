target_sources(pnm_core PRIVATE)
