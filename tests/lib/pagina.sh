# pagina.sh - checks of pages for the HTTP tests (sourced after tap.sh):
# a page asked with an account's token, and its text checked exactly.
# Needs BASE (the server), WORK (a scratch directory) and T_<who> (the
# tokens).

# page WHO METHOD PATH [curl args...]: the body in $WORK/out; prints the
# status and the redirect ("303 http://..." or "200 ").
page() {
	_who=$1 _m=$2 _p=$3
	shift 3
	eval "_t=\$T_$_who"
	curl -s -o "$WORK/out" -w '%{http_code} %{redirect_url}' -X "$_m" \
		-H "Authorization: Bearer $_t" "$@" "$BASE$_p"
}

# is NAME GOT WANT
is() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: $2, expected $3"; fi; }

# has NAME TEXT / hasnt NAME TEXT: the last page holds (not) exactly TEXT.
has() {
	if grep -qF -- "$2" "$WORK/out"; then
		ok "$1"
	else
		not_ok "$1" "$(sed -e 's/<[^>]*>//g' "$WORK/out" | tr -s ' \n' | head -c 600)"
	fi
}
hasnt() {
	if grep -qF -- "$2" "$WORK/out"; then not_ok "$1" "found: $2"; else ok "$1"; fi
}
