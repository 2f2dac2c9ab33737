ambt kostenpost zet X --samenwerking AA --jaar 2024 --eenheid hb-communicatie --kostensoort "" --bedrag 5 --db DB
