ambt migreer --help
