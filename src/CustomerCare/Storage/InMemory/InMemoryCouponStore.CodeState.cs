using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

public sealed partial class InMemoryCouponStore
{
    /// <summary>
    /// One code's redemptions and counts. Every method must be called under <see cref="Lock"/>; they only look up and
    /// write, with keys whose hashes were computed before the lock was taken, so the lock is held as briefly as possible.
    /// </summary>
    private sealed class CodeState(Coupon coupon)
    {
        private readonly Dictionary<Hashed<OrderId>, Held> _byOrder = [];
        // Kept only for a coupon with a per-customer limit: nothing else reads it.
        private readonly Dictionary<Hashed<CustomerId>, int> _activeByCustomer = [];

        public Lock Lock { get; } = new();

        public Coupon Coupon { get; } = coupon;

        public long Reserved { get; private set; }

        public long Confirmed { get; private set; }

        public long Released { get; private set; }

        public CouponRedemption? Find(Hashed<OrderId> order) => _byOrder.TryGetValue(order, out var held) ? held.Redemption : null;

        public Change Reserve(RedemptionRequest request, Hashed<OrderId> order, Hashed<CustomerId> customer)
        {
            ref var existing = ref CollectionsMarshal.GetValueRefOrNullRef(_byOrder, order);
            if (!Unsafe.IsNullRef(ref existing))
            {
                var redemption = existing.Redemption;
                return redemption.CustomerId != request.CustomerId || redemption.Discount != request.Discount
                    ? new Change(RedemptionOutcome.PayloadMismatch, redemption)
                    : new Change(redemption.IsActive ? RedemptionOutcome.AlreadyDone : RedemptionOutcome.AlreadyReleased, redemption);
            }

            if (Coupon.AssignedTo is { } owner && owner != request.CustomerId)
            {
                return new Change(RedemptionOutcome.AssignedToAnotherCustomer, null);
            }

            if (Coupon.MaxRedemptions is { } cap && Reserved + Confirmed >= cap)
            {
                return new Change(RedemptionOutcome.CapReached, null);
            }

            if (Coupon.PerCustomerLimit is { } limit)
            {
                ref var active = ref CollectionsMarshal.GetValueRefOrAddDefault(_activeByCustomer, customer, out _);
                if (active >= limit)
                {
                    return new Change(RedemptionOutcome.PerCustomerLimitReached, null);
                }

                active++;
            }

            var reserved = new CouponRedemption(request.Code, request.OrderId, request.CustomerId, request.Discount, RedemptionState.Reserved, request.At);
            _byOrder.Add(order, new Held(reserved, customer));
            Reserved++;
            return new Change(RedemptionOutcome.Done, reserved);
        }

        public Change Confirm(Hashed<OrderId> order, Instant at)
        {
            ref var held = ref CollectionsMarshal.GetValueRefOrNullRef(_byOrder, order);
            if (Unsafe.IsNullRef(ref held))
            {
                return new Change(RedemptionOutcome.NotReserved, null);
            }

            var existing = held.Redemption;
            if (existing.State != RedemptionState.Reserved)
            {
                return new Change(existing.State == RedemptionState.Confirmed ? RedemptionOutcome.AlreadyDone : RedemptionOutcome.AlreadyReleased, existing);
            }

            var confirmed = existing with { State = RedemptionState.Confirmed, ConfirmedAt = at };
            held = held with { Redemption = confirmed };
            Reserved--;
            Confirmed++;
            return new Change(RedemptionOutcome.Done, confirmed);
        }

        public Change Release(Hashed<OrderId> order, Instant at)
        {
            ref var held = ref CollectionsMarshal.GetValueRefOrNullRef(_byOrder, order);
            if (Unsafe.IsNullRef(ref held))
            {
                return new Change(RedemptionOutcome.NotReserved, null);
            }

            var existing = held.Redemption;
            if (existing.State == RedemptionState.Released)
            {
                return new Change(RedemptionOutcome.AlreadyDone, existing);
            }

            var released = existing with { State = RedemptionState.Released, ReleasedAt = at };
            held = held with { Redemption = released };
            if (existing.State == RedemptionState.Reserved)
            {
                Reserved--;
            }
            else
            {
                Confirmed--;
            }

            Released++;
            if (Coupon.PerCustomerLimit is not null)
            {
                CollectionsMarshal.GetValueRefOrNullRef(_activeByCustomer, held.Customer)--;
            }

            return new Change(RedemptionOutcome.Done, released);
        }
    }

    /// <summary>A redemption with its customer's key, so a release finds the customer's count without hashing again.</summary>
    private readonly record struct Held(CouponRedemption Redemption, Hashed<CustomerId> Customer);

    /// <summary>What a call did under the lock; it becomes a <see cref="RedemptionResult"/> after the lock is let go.</summary>
    private readonly record struct Change(RedemptionOutcome Outcome, CouponRedemption? Redemption);

    /// <summary>A key with its hash computed once, before a lock is taken, instead of at every dictionary lookup.</summary>
    private readonly record struct Hashed<T>(int Hash, T Value)
        where T : IEquatable<T>
    {
        public Hashed(T value)
            : this(value.GetHashCode(), value)
        {
        }

        public override int GetHashCode() => Hash;
    }
}
