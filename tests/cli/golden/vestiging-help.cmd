ambt vestiging --help
