ambt rooster lijst --vestiging amstelveen-video --van 2026-11-23 --tot 2026-11-29 --lijst --db DB
