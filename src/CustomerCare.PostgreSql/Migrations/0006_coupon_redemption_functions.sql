-- Reserve, confirm and release, each as one server-side function, so that a call is one round trip and one implicit
-- transaction. Before, a reserve was a BEGIN, a SET LOCAL, three or four statements and a COMMIT, each a round trip,
-- and with 16 checkouts on two cores the round trips, not the disk, bounded how many redeems a second the server made.
-- The statements and the lock order are the ones the store ran from the client: the code's row first, then the
-- redemption. Each function sets the lock timeout for its own transaction. Every function returns exactly one row: an
-- outcome, then the redemption's columns (null when there is none).

-- Outcomes: 0 reserved now, 1 an earlier redemption of (code, order) answers the call, 2 unknown code, 3 assigned to
-- another customer, 4 cap reached, 5 the customer's limit on the code reached.
CREATE FUNCTION {s}.reserve_coupon(
    p_code text, p_order text, p_customer text, p_amount numeric, p_currency text, p_at bigint, p_lock_timeout text,
    OUT o_outcome smallint, OUT o_code text, OUT o_order text, OUT o_customer text, OUT o_amount numeric,
    OUT o_currency text, OUT o_state smallint, OUT o_reserved_at bigint, OUT o_confirmed_at bigint, OUT o_released_at bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v_limit integer;
    v_owner text;
BEGIN
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    -- A redemption is never deleted, so one found here is the answer to a repeated call.
    SELECT 1, r.code, r.order_id, r.customer_id, r.discount_amount, r.discount_currency, r.state, r.reserved_at, r.confirmed_at, r.released_at
        INTO o_outcome, o_code, o_order, o_customer, o_amount, o_currency, o_state, o_reserved_at, o_confirmed_at, o_released_at
        FROM {s}.coupon_redemptions r WHERE r.code = p_code AND r.order_id = p_order;
    IF FOUND THEN
        RETURN;
    END IF;

    -- The guarded update takes the code's row lock: every other change of this code waits here until commit.
    UPDATE {s}.coupons c SET reserved = c.reserved + 1
        WHERE c.code = p_code AND (c.assigned_to IS NULL OR c.assigned_to = p_customer)
          AND (c.max_redemptions IS NULL OR c.reserved + c.confirmed < c.max_redemptions)
        RETURNING c.per_customer_limit INTO v_limit;
    IF NOT FOUND THEN
        SELECT c.assigned_to INTO v_owner FROM {s}.coupons c WHERE c.code = p_code;
        o_outcome := CASE WHEN NOT FOUND THEN 2 WHEN v_owner IS NOT NULL AND v_owner <> p_customer THEN 3 ELSE 4 END;
        RETURN;
    END IF;

    IF v_limit IS NOT NULL AND (SELECT count(*) FROM {s}.coupon_redemptions r
            WHERE r.code = p_code AND r.customer_id = p_customer AND r.state <> 2) >= v_limit THEN
        UPDATE {s}.coupons c SET reserved = c.reserved - 1 WHERE c.code = p_code;
        o_outcome := 5;
        RETURN;
    END IF;

    INSERT INTO {s}.coupon_redemptions (code, order_id, customer_id, discount_amount, discount_currency, state, reserved_at)
        VALUES (p_code, p_order, p_customer, p_amount, p_currency, 0, p_at)
        ON CONFLICT (code, order_id) DO NOTHING;
    IF FOUND THEN
        SELECT 0, p_code, p_order, p_customer, p_amount, p_currency, 0, p_at
            INTO o_outcome, o_code, o_order, o_customer, o_amount, o_currency, o_state, o_reserved_at;
        RETURN;
    END IF;

    -- Only a reservation that committed before this one took the code's lock can be here; it is the answer.
    UPDATE {s}.coupons c SET reserved = c.reserved - 1 WHERE c.code = p_code;
    SELECT 1, r.code, r.order_id, r.customer_id, r.discount_amount, r.discount_currency, r.state, r.reserved_at, r.confirmed_at, r.released_at
        INTO o_outcome, o_code, o_order, o_customer, o_amount, o_currency, o_state, o_reserved_at, o_confirmed_at, o_released_at
        FROM {s}.coupon_redemptions r WHERE r.code = p_code AND r.order_id = p_order;
END
$$;

-- Outcomes: 0 confirmed now, 1 the stored redemption was not reserved (confirmed or released before), 2 unknown code,
-- 6 no redemption of (code, order).
CREATE FUNCTION {s}.confirm_coupon(
    p_code text, p_order text, p_at bigint, p_lock_timeout text,
    OUT o_outcome smallint, OUT o_code text, OUT o_order text, OUT o_customer text, OUT o_amount numeric,
    OUT o_currency text, OUT o_state smallint, OUT o_reserved_at bigint, OUT o_confirmed_at bigint, OUT o_released_at bigint)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    PERFORM 1 FROM {s}.coupons c WHERE c.code = p_code FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        o_outcome := 2;
        RETURN;
    END IF;

    UPDATE {s}.coupon_redemptions r SET state = 1, confirmed_at = p_at
        WHERE r.code = p_code AND r.order_id = p_order AND r.state = 0
        RETURNING 0, r.code, r.order_id, r.customer_id, r.discount_amount, r.discount_currency, r.state, r.reserved_at, r.confirmed_at, r.released_at
        INTO o_outcome, o_code, o_order, o_customer, o_amount, o_currency, o_state, o_reserved_at, o_confirmed_at, o_released_at;
    IF FOUND THEN
        UPDATE {s}.coupons c SET reserved = c.reserved - 1, confirmed = c.confirmed + 1 WHERE c.code = p_code;
        RETURN;
    END IF;

    SELECT 1, r.code, r.order_id, r.customer_id, r.discount_amount, r.discount_currency, r.state, r.reserved_at, r.confirmed_at, r.released_at
        INTO o_outcome, o_code, o_order, o_customer, o_amount, o_currency, o_state, o_reserved_at, o_confirmed_at, o_released_at
        FROM {s}.coupon_redemptions r WHERE r.code = p_code AND r.order_id = p_order;
    IF NOT FOUND THEN
        o_outcome := 6;
    END IF;
END
$$;

-- Outcomes: 0 released now, 1 the stored redemption was released before, 2 unknown code, 6 no redemption of
-- (code, order).
CREATE FUNCTION {s}.release_coupon(
    p_code text, p_order text, p_at bigint, p_lock_timeout text,
    OUT o_outcome smallint, OUT o_code text, OUT o_order text, OUT o_customer text, OUT o_amount numeric,
    OUT o_currency text, OUT o_state smallint, OUT o_reserved_at bigint, OUT o_confirmed_at bigint, OUT o_released_at bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v_before smallint;
BEGIN
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    PERFORM 1 FROM {s}.coupons c WHERE c.code = p_code FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        o_outcome := 2;
        RETURN;
    END IF;

    -- The code's row lock serializes every change of its redemptions, so the state read here is the one updated below.
    SELECT r.state INTO v_before FROM {s}.coupon_redemptions r WHERE r.code = p_code AND r.order_id = p_order;
    IF v_before IS NOT NULL AND v_before <> 2 THEN
        UPDATE {s}.coupon_redemptions r SET state = 2, released_at = p_at
            WHERE r.code = p_code AND r.order_id = p_order
            RETURNING 0, r.code, r.order_id, r.customer_id, r.discount_amount, r.discount_currency, r.state, r.reserved_at, r.confirmed_at, r.released_at
            INTO o_outcome, o_code, o_order, o_customer, o_amount, o_currency, o_state, o_reserved_at, o_confirmed_at, o_released_at;
        UPDATE {s}.coupons c SET reserved = c.reserved - CASE WHEN v_before = 0 THEN 1 ELSE 0 END,
                confirmed = c.confirmed - CASE WHEN v_before = 1 THEN 1 ELSE 0 END, released = c.released + 1
            WHERE c.code = p_code;
        RETURN;
    END IF;

    SELECT 1, r.code, r.order_id, r.customer_id, r.discount_amount, r.discount_currency, r.state, r.reserved_at, r.confirmed_at, r.released_at
        INTO o_outcome, o_code, o_order, o_customer, o_amount, o_currency, o_state, o_reserved_at, o_confirmed_at, o_released_at
        FROM {s}.coupon_redemptions r WHERE r.code = p_code AND r.order_id = p_order;
    IF NOT FOUND THEN
        o_outcome := 6;
    END IF;
END
$$;
