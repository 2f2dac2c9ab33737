ambt init --db limiet.db --register FIX/register-lang.json; rc=$?; test -e limiet.db || echo "(geen database gemaakt)"; exit $rc
