# file: lib/model_user_irq.c
# The USER_IRQ model accepts a forced return with nothing to report.
s/^\t\tok = model_check(j, RULE_USER_IRQ_EXIT, !forced || c->changed || r->kicked,$/\t\tok = model_check(j, RULE_USER_IRQ_EXIT, forced || !forced,/
# expect: nothing to report is refused
