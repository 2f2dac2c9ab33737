ambt backup --help
