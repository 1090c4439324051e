# SPDX-License-Identifier: GPL-2.0
#
# lib/features.txt for run_tests.sh (with catalog.awk): one line
# "token|host fact|claimed when" per feature, or an error naming the
# malformed line and exit 2.
#   awk -v features=FILE -f catalog.awk -f features.awk

BEGIN {
	features_read(features)
	if (catalog_error)
		exit 2
	for (i = 1; i <= nfeatures; i++) {
		t = feature_token[i]
		printf "%s|%s|%s\n", t, feature_fact[t], feature_claimed[t]
	}
}
