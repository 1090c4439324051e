# SPDX-License-Identifier: GPL-2.0
#
# The certification bundle, sourced by run_tests.sh (POSIX sh, busybox):
#   certify_claims         what the host facts say the kernel has
#   certify_collect DIR    the run's evidence (the kernel, its config and
#                          log, the suite's version, expected/) into DIR
#   certify_verdict DIR    certified or not, and why; DIR/verdict.txt
#   bundle_finish DIR OUT  DIR plus junit.xml, report.html (python3) and
#                          SHA256SUMS, packed as OUT (a .tar.gz)
#   bundle_sign FILE KEY   FILE's manifest signed with an OpenSSH key
#   bundle_verify FILE     a bundle someone sent: intact or refused, and
#                          who signed it ($allowed_signers,
#                          $require_signature)
# They use run_tests.sh's die, fact, $here, $work and its run's totals.

# Every bundle holds these, and SHA256SUMS over every file but itself and
# the signature, if one was made (bundle_sign).
bundle_top=kvm-irq-certification
bundle_raw="results.ktap results.tsv uname.txt dmesg.txt version.txt host-facts.txt verdict.txt"
bundle_files="$bundle_raw junit.xml report.html"
bundle_python=/usr/bin/python3

# What the JUnit and HTML reports need, named as Debian packages, checked
# before anything runs.
bundle_python_check() {
	"$bundle_python" -c 'import tap, junitparser' > /dev/null 2>&1 ||
		die "the bundle's JUnit and HTML reports need python3 with tappy and junitparser: apt-get install python3 python3-tap python3-junitparser"
	for py in junit.py html.py; do
		[ -r "$here/report/$py" ] || die "report/$py missing beside $prog (the bundle's reports)"
	done
}

# certify_claims: "<token>|<1 if the host facts claim it>", one
# line for each feature of lib/features.txt (run_tests.sh's
# feature_table): a skip whose feature is claimed was not tested; one
# whose feature the facts say is absent is explained; a skip that names no
# feature explains nothing.
certify_claims() {
	echo "$feature_table" | while IFS='|' read -r token key when; do
		case "$when" in
		always) c=1 ;;
		never) c=0 ;;
		*)
			v=
			for k in $(echo "$key" | tr '+' ' '); do
				f=$(fact "$k")
				case "$f" in
				'') ;;
				*[!0-9]*) v=${v:-0}; [ "$when" != set ] || v=1 ;;
				*) v=$((${v:-0} + f)) ;;
				esac
			done
			case "$when" in
			set) [ -n "$v" ] && c=1 || c=0 ;;
			*) [ -n "$v" ] && [ "$v" -ge "$when" ] && c=1 || c=0 ;;
			esac
			;;
		esac
		echo "$token|$c"
	done
}

# certify_collect DIR: the evidence beside the results.
certify_collect() {
	uname -a > "$1/uname.txt"
	echo "$facts" > "$1/host-facts.txt"
	if [ -r "$here/VERSION" ]; then
		cp "$here/VERSION" "$1/version.txt"
	elif [ -r "$here/mk/version.sh" ]; then
		sh "$here/mk/version.sh" > "$1/version.txt"
	else
		printf 'version: unknown\ncommit: unknown\n' > "$1/version.txt"
	fi
	# The kernel's configuration, byte for byte, from where it is.
	certify_config=
	rm -f "$1/kernel-config.gz" "$1/kernel-config"
	if [ -r /proc/config.gz ] && cp /proc/config.gz "$1/kernel-config.gz"; then
		certify_config=/proc/config.gz
	elif [ -r "/boot/config-$(uname -r)" ] && cp "/boot/config-$(uname -r)" "$1/kernel-config"; then
		certify_config=/boot/config-$(uname -r)
	fi
	dmesg > "$1/dmesg.txt" 2>&1 || : > "$1/dmesg.txt"
	mkdir -p "$1/expected"
	for e in $exp_files; do
		cp "$e" "$1/expected/"
	done
}

# certify_verdict DIR: each reason the run is not a certification, as
# "# certify: " lines of the document, and DIR/verdict.txt.
certify_verdict() {
	: > "$work/reasons"
	reason() { echo "$*" >> "$work/reasons"; }
	[ "$(fact kvm)" = 1 ] || reason "no usable /dev/kvm (host facts: ${facts:-none}): nothing was tested"
	# Each unexpected result is a reason (a claimed feature skipped is one).
	sed 's/^# //' "$work/unexpected" >> "$work/reasons"
	# The explored sequences, per model: listed in the verdict, and held
	# to the exploration every run makes.
	for b in $bins; do cat "$work/$b.tap" 2> /dev/null; done | certify_sequences > "$work/explored"
	short_explorations < "$work/explored" >> "$work/reasons"
	[ "$tbad" = "$(grep -c . "$work/unexpected")" ] || reason "$tbad unexpected results in all"
	[ "$tunpinned" = 0 ] || reason "$tunpinned unpinned behaviours"
	[ -n "$certify_config" ] ||
		reason "no kernel configuration: neither /proc/config.gz nor /boot/config-$(uname -r)"
	[ -n "$klog_readable" ] || reason "the kernel log cannot be read (dmesg failed; run as root): kernel warnings went unseen"
	grep -q '^version: [^u]' "$1/version.txt" ||
		reason "the suite's version is unknown (no VERSION beside $prog: lay it out with make dist or make install)"
	[ "$kver" = "$(uname -r | sed -n 's/^\([0-9]*\.[0-9]*\).*/\1/p')" ] ||
		reason "expected/ was chosen for kernel $kver (--kernel), not for this kernel, $(uname -r)"
	[ "$(cd "$expdir" && pwd)" = "$(cd "$here/expected" 2>/dev/null && pwd)" ] ||
		reason "the expected files are not the suite's own (--expected $expdir)"
	if [ -s "$work/reasons" ]; then
		verdict="not certified"
	else
		verdict=certified
	fi
	{
		echo "verdict: $verdict"
		echo "kernel: $(uname -r)"
		sed -n 's/^version: /suite: /p' "$1/version.txt"
		echo "results: pass=$tpass xfail=$txfail skip=$tskip unexpected=$tbad unpinned=$tunpinned"
		echo "config: ${certify_config:-none}"
		echo "expected:$(for e in $exp_files; do printf ' %s' "${e##*/}"; done)"
		echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
		sed 's/^/reason: /' "$work/reasons"
		cat "$work/explored"
	} > "$1/verdict.txt"
	echo "# certify: $verdict: kernel $(uname -r), suite $(sed -n 's/^version: //p' "$1/version.txt")$([ ! -s "$work/reasons" ] || echo "; $(wc -l < "$work/reasons" | tr -d ' ') reasons:")"
	sed 's/^/# certify: not certified: /' "$work/reasons"
}

# certify_sequences [DOCUMENT]: "sequences: model=... vms=... seed=...
# sequences=N operations=M states=S default=D models=HASH" for each model
# the explored sequences ran (the document, or stdin): the seeds, how many
# sequences and operations, how many of each every run makes (D), and the
# models' version.
certify_sequences() {
	sed -n 's/^.*# sequences: \(model=[^ ]* vms=[^ ]* seed=[0-9]* sequences=.*\)$/sequences: \1/p' "$@"
}

# short_explorations: a line for each model whose sequences were fewer
# than every run's (stdin: certify_sequences's lines).  A certification
# explores at least what every run does: the default is the minimum, so
# that a bundle made with fewer (--sequences 1, a time bound hit early)
# cannot pass for one that looked as hard.
short_explorations() {
	awk '{
		n = d = -1
		for (i = 2; i <= NF; i++) {
			if ($i ~ /^sequences=/) n = substr($i, 11) + 0
			if ($i ~ /^default=/) d = substr($i, 9) + 0
		}
		if (n < 0 || d < 0 || n < d)
			printf "the explored sequences ran fewer than every run does: %s %s %s of %s\n", $2, $3, (n < 0 ? "?" : n), (d < 0 ? "?" : d)
	}'
}

# bundle_finish DIR OUT: DIR (certify_collect's, with the run's
# results.ktap and results.tsv) finished and packed as OUT; DIR stays.
bundle_finish() {
	for f in $bundle_raw; do
		[ -f "$1/$f" ] || die "$1: no $f: not a collected bundle (--collect-bundle)"
	done
	bundle_python_check
	stage=$work/finish
	rm -rf "$stage"
	mkdir -p "$stage/$bundle_top" || die "cannot make $stage"
	b=$stage/$bundle_top
	cp -R "$1/." "$b/"
	rm -f "$b/SHA256SUMS" "$b/junit.xml" "$b/report.html"
	"$bundle_python" "$here/report/junit.py" "$b/results.ktap" "$b/junit.xml" 2> "$stage/err" ||
		die "report/junit.py failed: $(tail -n 1 "$stage/err")"
	# html.py reads a run directory, named as its page names the run:
	# the document as results.tap.
	run=$stage/run/$(sed -n 's/^kernel: //p' "$b/verdict.txt" | tr -c 'A-Za-z0-9.+_\n-' _)
	mkdir -p "$run" && cp "$b/results.ktap" "$run/results.tap" && cp "$b/results.tsv" "$run/"
	"$bundle_python" "$here/report/html.py" --out "$b/report.html" --title "kvm-irq certification: $(sed -n 's/^verdict: //p' "$b/verdict.txt")" "$run" 2> "$stage/err" ||
		die "report/html.py failed: $(tail -n 1 "$stage/err")"
	(cd "$b" && find . -type f | sed 's|^\./||' | LC_ALL=C sort |
		while IFS= read -r f; do sha256sum "$f"; done) > "$stage/SHA256SUMS" ||
		die "cannot compute SHA256SUMS"
	mv "$stage/SHA256SUMS" "$b/SHA256SUMS"
	tar -C "$stage" -czf "$2.tmp" "$bundle_top" || { rm -f "$2.tmp"; die "cannot write $2"; }
	mv "$2.tmp" "$2"
	rm -rf "$stage"
}

# The signature of a bundle: OpenSSH's over SHA256SUMS (ssh-keygen -Y
# sign, the project's namespace), the one file the manifest does not list.
bundle_sig=SHA256SUMS.sig
bundle_namespace=kvm-irq-certification

# bundle_sign FILE KEY: FILE verified, its SHA256SUMS signed with the
# OpenSSH private key KEY into SHA256SUMS.sig (one there before is
# replaced), FILE packed again.  The key stays where this runs: off the
# machine under test.
bundle_sign() {
	[ -f "$1" ] && [ -r "$1" ] || die "--sign-bundle $1: no such file"
	[ -f "$2" ] && [ -r "$2" ] || die "--key $2: no such file"
	command -v ssh-keygen > /dev/null || die "ssh-keygen missing: apt-get install openssh-client"
	bundle_verify "$1" > /dev/null
	b=$work/unpacked/$bundle_top
	rm -f "$b/$bundle_sig"
	ssh-keygen -Y sign -f "$2" -n "$bundle_namespace" "$b/SHA256SUMS" 2> "$work/sigerr" ||
		die "--key $2: cannot sign ($(grep . "$work/sigerr" | tail -n 1))"
	tar -C "$work/unpacked" -czf "$1.tmp" "$bundle_top" || { rm -f "$1.tmp"; die "cannot write $1"; }
	mv "$1.tmp" "$1"
	echo "$prog: $1: signed with $2 ($(ssh-keygen -l -f "$2" 2> /dev/null | cut -d' ' -f2))"
}

# bundle_signer DIR: who signed DIR's SHA256SUMS, of $allowed_signers
# (an OpenSSH allowed-signers file), or "unsigned"; refused if the
# signature is no listed key's or no longer matches the manifest.
bundle_signer() {
	if [ ! -f "$1/$bundle_sig" ]; then
		[ -z "$require_signature" ] || refuse "unsigned (--require-signature)"
		echo unsigned
		return
	fi
	if [ -z "$allowed_signers" ]; then
		echo "signed, not checked (--allowed-signers FILE says by whom)"
		return
	fi
	command -v ssh-keygen > /dev/null || die "ssh-keygen missing: apt-get install openssh-client"
	who=$(ssh-keygen -Y find-principals -s "$1/$bundle_sig" -f "$allowed_signers" 2> /dev/null | head -n 1)
	[ -n "$who" ] || refuse "$bundle_sig: not a signature by a key $allowed_signers lists"
	ssh-keygen -Y verify -f "$allowed_signers" -I "$who" -n "$bundle_namespace" \
		-s "$1/$bundle_sig" < "$1/SHA256SUMS" > /dev/null 2>&1 ||
		refuse "$bundle_sig: does not match SHA256SUMS (the manifest changed after it was signed)"
	echo "signed by $who"
}

# refuse WHAT: the bundle is not what its manifest says.
refuse() {
	echo "$prog: $bundle: refused: $*" >&2
	exit 1
}

# bundle_verify FILE: every file SHA256SUMS lists matches, no file is
# there that it does not list, every file a bundle holds is there, and
# the verdict agrees with the results; then what the bundle says.
bundle_verify() {
	bundle=$1
	[ -f "$bundle" ] && [ -r "$bundle" ] || die "--verify-bundle $bundle: no such file"
	tar -tzf "$bundle" > "$work/members" 2> "$work/tarerr" ||
		die "--verify-bundle $bundle: not a gzip-compressed tar ($(grep . "$work/tarerr" | head -n 1))"
	[ -s "$work/members" ] || die "--verify-bundle $bundle: an empty archive"
	# Only plain files and directories under one top directory: nothing
	# unpacks outside it, through a link or over another file.
	while IFS= read -r m; do
		case "$m" in "$bundle_top"|"$bundle_top"/*) ;; *) refuse "$m: outside $bundle_top/" ;; esac
		case "/$m/" in */../*|*/./*) refuse "$m: a path through . or .." ;; esac
	done < "$work/members"
	tar -tvzf "$bundle" 2> /dev/null | awk '{ t = substr($1, 1, 1) } t != "-" && t != "d" { print $6; exit }' > "$work/odd"
	[ ! -s "$work/odd" ] || refuse "$(cat "$work/odd"): not a plain file or directory"
	mkdir "$work/unpacked" && tar -C "$work/unpacked" -xzf "$bundle" 2> "$work/tarerr" ||
		die "--verify-bundle $bundle: cannot unpack ($(grep . "$work/tarerr" | head -n 1))"
	b=$work/unpacked/$bundle_top
	[ -f "$b/SHA256SUMS" ] || refuse "SHA256SUMS: missing"
	: > "$work/listed"
	while IFS= read -r line; do
		sum=${line%%  *} path=${line#*  }
		case "$sum" in *[!0-9a-f]*|'') refuse "SHA256SUMS: not a sha256sum line: $line" ;; esac
		[ ${#sum} = 64 ] && [ "$path" != "$line" ] || refuse "SHA256SUMS: not a sha256sum line: $line"
		case "/$path/" in */../*|*/./*|//*) refuse "SHA256SUMS: $path: a path outside the bundle" ;; esac
		[ -f "$b/$path" ] || refuse "$path: listed in SHA256SUMS, but missing"
		[ "$(sha256sum < "$b/$path" | cut -d' ' -f1)" = "$sum" ] || refuse "$path: does not match SHA256SUMS"
		echo "$path" >> "$work/listed"
	done < "$b/SHA256SUMS"
	(cd "$b" && find . -type f) | sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r f; do
		[ "$f" = SHA256SUMS ] || [ "$f" = "$bundle_sig" ] ||
			grep -qxF -- "$f" "$work/listed" || { echo "$f"; break; }
	done > "$work/extra"
	[ ! -s "$work/extra" ] || refuse "$(cat "$work/extra"): not in SHA256SUMS"
	for f in $bundle_files; do
		[ -f "$b/$f" ] || refuse "$f: missing (every bundle holds it)"
	done
	# The expected files the document says it read.
	for e in $(sed -n 's/^# kvm-irq: expected files://p' "$b/results.ktap" | head -n 1); do
		[ -f "$b/expected/${e##*/}" ] || refuse "expected/${e##*/}: missing (results.ktap read it)"
	done
	bundle_consistent "$b"
	signer=$(bundle_signer "$b") || exit 1
	echo "$prog: $bundle: intact: $(wc -l < "$work/listed" | tr -d ' ') files match SHA256SUMS, none missing, none unlisted; $signer"
	sed -n 's/^verdict: /verdict: /p; s/^kernel: /kernel: /p' "$b/verdict.txt"
	echo "suite: $(sed -n 's/^version: //p' "$b/version.txt") (commit $(sed -n 's/^commit: //p' "$b/version.txt"))"
	sed -n 's/^reason: /reason: /p; s/^sequences: /sequences: /p' "$b/verdict.txt"
	return 0
}

# bundle_consistent DIR: verdict.txt, results.tsv and the document's last
# line say the same of the run (the manifest alone cannot tell a file
# edited with SHA256SUMS made again; a lone edit it can).
bundle_consistent() {
	v=$(sed -n 's/^verdict: //p' "$1/verdict.txt" | head -n 1)
	case "$v" in certified|"not certified") ;; *) refuse "verdict.txt: no verdict line" ;; esac
	counted=$(awk -F'\t' '$2 != "took" && $1 !~ /^condition:/ { n[$4]++ }
		END { printf "pass=%d xfail=%d skip=%d unexpected=%d unpinned=%d", n["pass"], n["xfail"], n["skip"], n["unexpected"], n["unpinned"] }' "$1/results.tsv")
	said=$(sed -n 's/^results: //p' "$1/verdict.txt")
	[ "$said" = "$counted" ] || refuse "verdict.txt: results $said, but results.tsv counts $counted"
	last=$(echo "$counted" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); n[kv[1]] = kv[2] }
		printf "%d passed, %d failed, %d skipped", n["pass"] + n["xfail"], n["unexpected"], n["skip"] }')
	[ "$(tail -n 1 "$1/results.ktap")" = "$last" ] ||
		refuse "results.ktap: its last line is not results.tsv's '$last'"
	if [ "$v" = certified ]; then
		case "$counted" in *" unexpected=0 unpinned=0") ;;
		*) refuse "verdict.txt: certified, but results.tsv counts $counted" ;;
		esac
		! grep -q '^reason: ' "$1/verdict.txt" || refuse "verdict.txt: certified, but it gives reasons against"
	fi
	k=$(sed -n 's/^kernel: //p' "$1/verdict.txt")
	[ -n "$k" ] && grep -qF -- " $k " "$1/uname.txt" || refuse "verdict.txt: kernel '$k' is not uname.txt's"
	[ "$(grep '^sequences: ' "$1/verdict.txt")" = "$(certify_sequences "$1/results.ktap")" ] ||
		refuse "verdict.txt: its sequences lines are not results.ktap's"
}
