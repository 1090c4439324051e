# file: lib/model_user_irq.c
# The USER_IRQ model lets KVM set bits version 1 does not define (too loose).
s/^\tuint64_t set = field & ~c->field_at_entry & ~defined;$/\tuint64_t set = field \& ~c->field_at_entry \& ~defined \& ~field;/
# expect: undefined bit (U01)
