#!/bin/sh
# kessan diff: a changed fact reported as exactly the cells and sentences
# that show it, in both languages (held against the text renders, an
# independent account); a changed word as that word alone, a two-character
# Japanese word included; no change as "no differences"; two books, two
# period files and two git revisions alike (a revision shaped like an
# option, a committed link out of the book and a SIGTERM handled); the
# HTML page valid and right in Chromium; bad inputs refused with exit 2
# and no file.
. "${TESTS_SRCDIR:-$(dirname "$0")}/lib.sh"
tests="${TESTS_SRCDIR:-$(dirname "$0")}"
tools="$tests/tools"

old=$(fresh_book old)

# Runs kessan diff ARGS with output in $scratch/NAME.out; exit in $rc.
run_diff() {
	name=$1
	shift
	"$KESSAN" diff "$@" >"$scratch/$name.out" 2>"$scratch/$name.err"
	rc=$?
}

# The lines of one section of a text diff for one language, without the
# language, the group column ("#1  ") and a footing mark at the end.
section() {   # LANG FILE TITLE
	awk -v lang="$1" -v title="$3" '
	    /^$/ { inside = 0; next }
	    $0 == title { inside = 1; next }
	    inside && substr($0, 1, 4) == lang "  " {
		line = substr($0, 5)
		sub(/^#[0-9]+  /, "", line)
		sub(/  \[footing[^]]*\]$/, "", line)
		print line
	    }' "$2"
}

# Holds kessan's account of one language against the text renders':
# the same changed cells (as "OLD → NEW", counted), and changed sentences
# that are exactly the text lines that changed, old and new.
cross_check() {   # LABEL LANG OLD_BOOK NEW_BOOK DIFF_OUTPUT
	"$KESSAN" render --period 2004-q1 --lang "$2" "$3" >"$scratch/old.txt"
	"$KESSAN" render --period 2004-q1 --lang "$2" "$4" >"$scratch/new.txt"
	if ! awk -f "$tests/changed_lines.awk" "$scratch/old.txt" \
	    "$scratch/new.txt" >"$scratch/expected"; then
		not_ok "$1 $2: the renders do not line up"
		return
	fi
	grep '^cell' "$scratch/expected" | cut -f2 | sort >"$scratch/want-cells"
	section "$2" "$5" "Changed figures" | grep -v "the chart's data changed$" |
	    sed 's/.*: //' | sort >"$scratch/got-cells"
	if cmp -s "$scratch/want-cells" "$scratch/got-cells"; then
		ok
	else
		not_ok "$1 $2: changed cells differ from the text renders':"
		diff "$scratch/want-cells" "$scratch/got-cells" | head -10 >&2
	fi
	section "$2" "$5" "Changed text" >"$scratch/got-text"
	sed 's/\[-[^]]*-\]//g; s/{+\([^}]*\)+}/\1/g' "$scratch/got-text" >"$scratch/got-new"
	sed 's/{+[^}]*+}//g; s/\[-\([^]]*\)-\]/\1/g' "$scratch/got-text" >"$scratch/got-old"
	sed -n 's/^new\t//p' "$scratch/expected" >"$scratch/want-new"
	sed -n 's/^old\t//p' "$scratch/expected" >"$scratch/want-old"
	missing=0
	while IFS= read -r line; do
		grep -qF -- "$line" "$scratch/got-new" || missing=$((missing + 1))
	done <"$scratch/want-new"
	while IFS= read -r line; do
		grep -qF -- "$line" "$scratch/got-old" || missing=$((missing + 1))
	done <"$scratch/want-old"
	# and nothing else: each reported change holds a changed line
	extra=$(grep -cvF -f "$scratch/want-new" "$scratch/got-new")
	if [ $missing -eq 0 ] && [ "$extra" -eq 0 ]; then
		ok
	else
		not_ok "$1 $2: $missing changed sentences not reported, $extra reported that did not change"
		cat "$scratch/got-text" >&2
	fi
}

# Nothing changed: "no differences", exit 0.
same=$(fresh_book same)
run_diff same "$old" "$same"
if [ $rc -eq 0 ] && [ "$(tail -n 1 "$scratch/same.out")" = "no differences" ] &&
    [ ! -s "$scratch/same.err" ]; then ok; else not_ok "no change: exit $rc, $(cat "$scratch/same.out" "$scratch/same.err")"; fi
run_diff same-files "$old/periods/2004-q1.xml" "$same/periods/2004-q1.xml"
if [ $rc -eq 0 ] && grep -qx "no differences" "$scratch/same-files.out"; then ok; else not_ok "no change in period files: exit $rc"; fi

# One fact restated (net income, and SI revenues): exactly the cells and
# sentences that show them, in each language; exit 1.
for fact in is.net_income:1434335:1534335 is.rev.si:2694638:2794638; do
	id=${fact%%:*}
	rest=${fact#*:}
	new=$(fresh_book "$id")
	sed -i "s|<f id=\"$id\">${rest%%:*}</f>|<f id=\"$id\">${rest#*:}</f>|" \
	    "$new/periods/2004-q1.xml"
	run_diff "$id" "$old" "$new"
	if [ $rc -eq 1 ]; then ok; else not_ok "$id changed: exit $rc"; fi
	for lang in en ja; do
		cross_check "$id" $lang "$old" "$new" "$scratch/$id.out"
	done
done
# Net income shows in tables and in sentences of both languages: the
# checks above held something in each.
for lang in en ja; do
	cells=$(section $lang "$scratch/is.net_income.out" "Changed figures" | wc -l)
	sentences=$(section $lang "$scratch/is.net_income.out" "Changed text" | wc -l)
	if [ "$cells" -gt 0 ] && [ "$sentences" -gt 0 ]; then ok; else not_ok "is.net_income $lang: $cells cells, $sentences sentences"; fi
done
# The figures, as a proofreader reads them.
for want in \
    "en  #1  Table 4. Systems Integration and Equipment Sales (JPY in millions) › Systems Integration Revenues › 1Q04: 2,695 → 2,795" \
    "ja  #1  表 4. システム・インテグレーション及び機器販売 › システム・インテグレーション収入合計 › 1Q04: 2,695 → 2,795" \
    "en  #1  Highlights of First Quarter FY2004 Results: System integration (\"SI\") revenue increased [-11.9-]{+16.1+}% compared to 1Q03 primarily due to the growth of our operational outsource service."; do
	if grep -qxF -- "$want" "$scratch/is.rev.si.out"; then ok; else not_ok "is.rev.si: no line '$want'"; fi
done

# One word changed, in English, then a two-character word in Japanese:
# that word alone is marked, and nothing else is reported.
one_word() {   # LABEL EDIT MARKED
	words=$(fresh_book "$1")
	sed -i "$2" "$words/periods/2004-q1.xml"
	run_diff "$1" "$old" "$words"
	if [ $rc -eq 1 ] && [ "$(grep -c '^[a-z][a-z]  ' "$scratch/$1.out")" -eq 1 ] &&
	    grep -q -- "$3" "$scratch/$1.out" &&
	    [ "$(grep -o '\[-' "$scratch/$1.out" | wc -l)" -eq 1 ]; then
		ok
	else
		not_ok "$1: exit $rc, $(cat "$scratch/$1.out")"
	fi
}
one_word en-word 's|primarily due to the growth|mainly due to the growth|' \
    '^en  #1  .* 1Q03 \[-primarily-\]{+mainly+} due to the growth'
one_word ja-word 's|これを補う形で増加しました|これを補う形で減少しました|' \
    '^ja  #1  .*これを補う形で\[-増加-\]{+減少+}しました。$'
cross_check ja-word ja "$old" "$words" "$scratch/ja-word.out"

# --lang en: the English release alone.
run_diff en-only --lang en "$old" "$words"
if [ $rc -eq 0 ] && grep -qx "no differences" "$scratch/en-only.out"; then ok; else not_ok "--lang en: exit $rc"; fi

# A paragraph removed and a bullet added: each reported once as a whole
# block under its section's heading, and the HTML page shows the removed
# paragraph where it stood, between its old neighbours.
blocks=$(fresh_book blocks)
awk '
	/^      <p>"Typically, our first quarter/ { skip = 1 }
	skip { if (/<\/p>/) skip = 0; next }
	/^      <\/ul>/ && !added { print "        <li>We expect to open a data center.</li>"; added = 1 }
	{ print }' "$old/periods/2004-q1.xml" >"$blocks/periods/2004-q1.xml"
run_diff blocks --lang en "$old" "$blocks"
section en "$scratch/blocks.out" "Added and removed" >"$scratch/blocks.got"
if [ $rc -eq 1 ] && [ "$(wc -l <"$scratch/blocks.got")" -eq 2 ] &&
    grep -qx 'Outlook for Second Quarter FY2004: {+We expect to open a data center.+}' "$scratch/blocks.got" &&
    grep -q '^Overview of 1st Quarter Financial Results and Business Outlook: \[-"Typically, our first quarter .*start for the year\."-\]$' "$scratch/blocks.got"
then ok; else not_ok "blocks: exit $rc, $(cat "$scratch/blocks.out")"; fi
run_diff blocks-html --lang en --format html -o "$scratch/blocks.html" "$old" "$blocks"
order=$(grep -o '"With the rapid increase\|class="removed"[^>]*><del>"Typically\|"The sales of IIJ' "$scratch/blocks.html" | cut -c1-20 | tr '\n' '/')
if [ $rc -eq 1 ] && [ "$order" = '"With the rapid incr/class="removed" id="/"The sales of IIJ/' ]; then ok; else not_ok "blocks html: exit $rc, order $order"; fi

# Two period files, a draft kept outside any book, and two git revisions
# give the same report as two books.
new="$scratch/book.is.rev.si"
tail -n +2 "$scratch/is.rev.si.out" >"$scratch/books.report"
cp "$new/periods/2004-q1.xml" "$scratch/draft.xml"
run_diff files "$old/periods/2004-q1.xml" "$new/periods/2004-q1.xml"
tail -n +2 "$scratch/files.out" | cmp -s - "$scratch/books.report" && [ $rc -eq 1 ] && ok ||
    not_ok "two period files: exit $rc, a different report"
run_diff outside "$old/periods/2004-q1.xml" "$scratch/draft.xml"
tail -n +2 "$scratch/outside.out" | cmp -s - "$scratch/books.report" && [ $rc -eq 1 ] && ok ||
    not_ok "a draft outside a book: exit $rc, $(head -3 "$scratch/outside.err")"
if command -v git >/dev/null 2>&1; then
	repo="$scratch/repo"
	mkdir -p "$repo"
	cp -R "$old" "$repo/book"
	git -C "$repo" init -q &&
	    git -C "$repo" add . &&
	    git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qm first &&
	    cp "$scratch/draft.xml" "$repo/book/periods/2004-q1.xml" &&
	    git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qam second
	run_diff git --git HEAD~1 HEAD "$repo/book"
	tail -n +2 "$scratch/git.out" | cmp -s - "$scratch/books.report" && [ $rc -eq 1 ] && ok ||
	    not_ok "two git revisions: exit $rc, $(head -3 "$scratch/git.err")"
	if [ -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'kessan-diff.*' -newer "$scratch/draft.xml" 2>/dev/null)" ]; then
		ok
	else
		not_ok "git revisions left temporary folders behind"
	fi
	# A broken revision is named as such, not by the temporary folder.
	sed -i 's|<f id="is.net_income">1434335</f>|<f id="is.net_income">lots</f>|' \
	    "$repo/book/periods/2004-q1.xml"
	git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qam third
	run_diff git-broken --git HEAD~1 HEAD "$repo/book"
	if [ $rc -eq 2 ] && grep -q "^HEAD:$repo/book/periods/2004-q1.xml:[0-9]*: error: is.net_income" "$scratch/git-broken.err"; then
		ok
	else
		not_ok "a broken revision: exit $rc, $(cat "$scratch/git-broken.err")"
	fi
	run_diff git-bad --git HEAD~9 HEAD "$repo/book"
	if [ $rc -eq 2 ] && grep -q "error: git cannot give revision HEAD~9 of this book" "$scratch/git-bad.err"; then
		ok
	else
		not_ok "a bad revision: exit $rc, $(cat "$scratch/git-bad.err")"
	fi
	# A revision shaped like an option is refused: git must not write
	# "FILE:book" (--output) or run upload-archive (--remote).
	run_diff git-option --git -- "--output=$scratch/written" HEAD "$repo/book"
	if [ $rc -eq 2 ] && grep -q "error: '--output=$scratch/written' is not a git revision" "$scratch/git-option.err" &&
	    [ -z "$(find "$scratch" -maxdepth 1 -name 'written*')" ]; then
		ok
	else
		not_ok "an option as revision: exit $rc, $(cat "$scratch/git-option.err") $(ls "$scratch" | grep written)"
	fi
	# A committed symbolic link out of the book is refused, not followed.
	ln -sf /etc/passwd "$repo/book/periods/2004-q1.xml"
	git -C "$repo" add . &&
	    git -C "$repo" -c user.name=kessan -c user.email=kessan@example.com commit -qm link
	run_diff git-link --git HEAD~2 HEAD "$repo/book"
	if [ $rc -eq 2 ] && grep -q "error: revision HEAD: periods/2004-q1.xml is a symbolic link that leads out of the book" "$scratch/git-link.err"; then
		ok
	else
		not_ok "a symbolic link out of the book: exit $rc, $(cat "$scratch/git-link.err")"
	fi
	# Stopped by SIGTERM part way (while a slowed git archive runs): the
	# temporary folders are removed.
	mkdir -p "$scratch/tmp" "$scratch/bin"
	printf '#!/bin/sh\ncase "$*" in *archive*) sleep 0.5 ;; esac\nexec %s "$@"\n' \
	    "$(command -v git)" >"$scratch/bin/git"
	chmod +x "$scratch/bin/git"
	PATH="$scratch/bin:$PATH" TMPDIR="$scratch/tmp" \
	    "$KESSAN" diff --git HEAD~3 HEAD~2 "$repo/book" >/dev/null 2>&1 &
	pid=$!
	sleep 0.2
	kill -TERM $pid 2>/dev/null
	wait $pid
	rc=$?
	if [ $rc -ne 0 ] && [ -z "$(ls "$scratch/tmp")" ]; then ok; else not_ok "SIGTERM: exit $rc, left $(ls "$scratch/tmp")"; fi
else
	not_ok "git is missing: run ./setup"
fi

# Bad inputs: exit 2, the promised message, and no file.
check_refused() {   # LABEL MESSAGE ARGS...
	label=$1
	message=$2
	shift 2
	rm -f "$scratch/refused.html"
	"$KESSAN" diff -o "$scratch/refused.html" "$@" >/dev/null 2>"$scratch/refused.err"
	rc=$?
	if [ $rc -eq 2 ] && grep -qF -- "$message" "$scratch/refused.err" &&
	    [ ! -e "$scratch/refused.html" ]; then
		ok
	else
		not_ok "$label: exit $rc, $(cat "$scratch/refused.err")"
	fi
}
check_refused "missing draft" "$scratch/nope: error: no such file or folder" "$old" "$scratch/nope"
check_refused "a book and a file" "error: compare two book folders or two period files, not one of each" \
    "$old" "$scratch/draft.xml"
check_refused "two quarters" "error: this draft is 2003-q4, the old one 2004-q1: compare two drafts of one quarter" \
    "$old/periods/2004-q1.xml" "$old/periods/2003-q4.xml"
check_refused "drafts of another quarter" "error: the drafts are 2004-q1, not 2003-q4: --period names another quarter" \
    --period 2003-q4 "$old/periods/2004-q1.xml" "$scratch/draft.xml"
check_refused "no such quarter" "error: no period 2009-q1 in this book" --period 2009-q1 "$old" "$same"
broken=$(fresh_book broken)
sed -i 's|<f id="is.net_income">1434335</f>|<f id="is.net_income">lots</f>|' "$broken/periods/2004-q1.xml"
check_refused "a broken draft" "$broken/periods/2004-q1.xml:" "$old" "$broken"
"$KESSAN" diff --format tree "$old" "$same" >/dev/null 2>"$scratch/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "diff: --format takes txt, html or pdf, not tree" "$scratch/err"; then ok; else not_ok "--format tree: exit $rc"; fi

# The HTML page: reproducible, valid for the Nu checker, and in Chromium
# every summary link lands on its change.
"$KESSAN" diff --format html -o "$scratch/diff.html" "$old" "$new"
"$KESSAN" diff --format html -o "$scratch/again.html" "$old" "$new"
rc=$?
if [ $rc -eq 1 ] && cmp -s "$scratch/diff.html" "$scratch/again.html" &&
    [ "$(grep -o '<del>' "$scratch/diff.html" | wc -l)" -gt 20 ]; then
	ok
else
	not_ok "the HTML diff: exit $rc, or two runs differ"
fi
# The checker's JVM takes seconds: it runs beside the browser and the
# rest of the test, its verdict read at the end.
nu_pid=
if html_tools_ready; then
	nu_check "$scratch/diff.html" 2>"$scratch/vnu" &
	nu_pid=$!
	figures=$(section en "$scratch/is.rev.si.out" "Changed figures" | wc -l)
	figures=$((figures + $(section ja "$scratch/is.rev.si.out" "Changed figures" | wc -l)))
	# A screenshot only for a person to look at, into $KESSAN_SCREENSHOTS.
	shot=-
	if [ -n "${KESSAN_SCREENSHOTS:-}" ]; then
		mkdir -p "$KESSAN_SCREENSHOTS"
		shot="$KESSAN_SCREENSHOTS/diff.png"
	fi
	if (cd "$tools" && node diff_browser.mjs "$scratch/diff.html" \
	    "Changes: IIJ Announces Year-Over-Year Improvement in Operating and Net Income for the First Quarter of Fiscal Year 2004" \
	    "$figures" "$shot") >"$scratch/browser" 2>&1; then
		ok
	else
		not_ok "the HTML diff in Chromium:"
		cat "$scratch/browser" >&2
	fi
fi

# One quarter is compared: only the period files its release reads are
# opened, for drafts and for books with --period alike. A damaged file
# years before it changes nothing; a missing prior-year quarter is named.
archive="$scratch/archive"
"$EXAMPLES/make-archive.sh" "$archive" 24 2000
sed 's|<f id="is.rev.dialup">[0-9]*<|<f id="is.rev.dialup">751000<|' \
    "$archive/periods/2005-q4.xml" > "$scratch/draft.xml"
cp -R "$archive" "$scratch/archive2"
cp "$scratch/draft.xml" "$scratch/archive2/periods/2005-q4.xml"
printf '<period' > "$archive/periods/2000-q2.xml"
printf '<period' > "$scratch/archive2/periods/2000-q2.xml"
run_diff window-drafts --book "$archive" "$archive/periods/2005-q4.xml" \
    "$scratch/draft.xml"
if [ $rc -eq 1 ] && grep -q '751,000' "$scratch/window-drafts.out"; then ok; else
	not_ok "window: drafts of 2005-q4 beside a damaged 2000-q2: exit $rc, $(head -3 "$scratch/window-drafts.err")"
fi
run_diff window-books --period 2005-q4 "$archive" "$scratch/archive2"
if [ $rc -eq 1 ] && grep -q '751,000' "$scratch/window-books.out"; then ok; else
	not_ok "window: books with --period 2005-q4 beside a damaged 2000-q2: exit $rc, $(head -3 "$scratch/window-books.err")"
fi
rm "$archive/periods/2004-q4.xml"
run_diff window-missing --book "$archive" "$archive/periods/2005-q4.xml" \
    "$scratch/draft.xml"
if [ $rc -eq 2 ] && grep -q 'needs [a-z_.]* of 2004-q4, which has no period file in the book' \
    "$scratch/window-missing.err"; then ok; else
	not_ok "window: a missing 2004-q4 is not named: exit $rc, $(head -3 "$scratch/window-missing.err")"
fi

if [ -n "$nu_pid" ]; then
	if wait "$nu_pid"; then
		ok
	else
		not_ok "Nu HTML checker on the diff: $(head -5 "$scratch/vnu")"
	fi
fi

finish
