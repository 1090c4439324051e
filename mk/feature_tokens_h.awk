# SPDX-License-Identifier: GPL-2.0
#
# feature_tokens.h for the C side, from lib/features.txt (with catalog.awk): the
# prefix of every skip reason, FEATURE(TOKEN), so that a skip names a
# feature of the table or does not build.
#   awk -v features=FILE -f catalog.awk -f feature_tokens_h.awk

BEGIN {
	features_read(features)
	if (catalog_error)
		exit 2
	print "/* Generated from lib/features.txt by mk/feature_tokens_h.awk. */"
	print "#ifndef FEATURE_TOKENS_H"
	print "#define FEATURE_TOKENS_H"
	print ""
	print "/* A skip reason: FEATURE(VGIC_V3) \"the host cannot ...\". */"
	print "#define FEATURE(token) FEATURE_##token"
	for (i = 1; i <= nfeatures; i++)
		printf "#define FEATURE_%s \"[%s] \"\n", cname(feature_token[i]), feature_token[i]
	print ""
	print "#endif /* FEATURE_TOKENS_H */"
}
