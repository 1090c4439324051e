# SPDX-License-Identifier: GPL-2.0
#
# variants.h for the C side, from lib/variants.txt (with catalog.awk and
# variants.awk): an enum of the variants (VARIANT_<name>) and of each
# one's values (VARIANT_<name>_<value>, the documents' 0), and a table of
# their names, so that a variant is written once, in lib/variants.txt.
#   awk -v variants=FILE -f catalog.awk -f variants.awk -f variants_h.awk

BEGIN {
	variants_read(variants)
	if (catalog_error)
		exit 2
	print "/* Generated from lib/variants.txt by mk/variants_h.awk. */"
	print "#ifndef VARIANTS_H"
	print "#define VARIANTS_H"
	print ""
	print "/* X(enum, name, \"value value ...\"): the documents' value first. */"
	print "#define VARIANT_TABLE(X) \\"
	for (i = 1; i <= nvariants; i++)
		printf "\tX(VARIANT_%s, \"%s\", \"%s\") \\\n", cname(variant_name[i]), variant_name[i], variant_values[variant_name[i]]
	print ""
	print "#define VARIANT_ENUM_(e, name, values) e,"
	print "enum variant { VARIANT_TABLE(VARIANT_ENUM_) NR_VARIANTS };"
	print "#undef VARIANT_ENUM_"
	print ""
	for (i = 1; i <= nvariants; i++) {
		n = split(variant_values[variant_name[i]], v, " ")
		for (j = 1; j <= n; j++)
			printf "#define VARIANT_%s_%s\t%d\n", cname(variant_name[i]), cname(v[j]), j - 1
	}
	print ""
	print "#endif /* VARIANTS_H */"
}
