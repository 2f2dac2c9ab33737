ambt terugzetten --help
