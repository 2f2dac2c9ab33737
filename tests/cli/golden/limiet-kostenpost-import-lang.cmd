ambt kostenpost importeer FIX/kostenposten-lang.csv --samenwerking AA --jaar 2025 --db DB
