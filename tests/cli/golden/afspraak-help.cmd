ambt afspraak --help
