ambt verdeling bereken --input FIX/verdeling-stapsgewijs.json --format json
