ambt kostenpost zet ICT-LIC --samenwerking AA --jaar 2024 --eenheid aa-ict --kostensoort licenties --bedrag 1 --db DB && ambt kostenpost verwijder ICT-LIC --samenwerking AA --jaar 2024 --db DB
