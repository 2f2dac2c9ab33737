ambt kostenpost zet "$(head -c 65 /dev/zero | tr '\0' K)" --samenwerking AA --jaar 2024 --eenheid aa-ict --kostensoort ict --bedrag 1.000.000.000.000,01 --db DB
