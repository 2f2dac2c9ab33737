ambt verdeling methode wederkerig --samenwerking AA --jaar 2025 --db DB
