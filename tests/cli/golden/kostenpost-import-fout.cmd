ambt kostenpost importeer FIX/kostenposten-fout.csv --samenwerking AA --jaar 2024 --db DB
