using System.Runtime.InteropServices;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

public sealed partial class InMemoryCouponStore
{
    /// <summary>
    /// One code's redemptions and counts. Every method must be called under <see cref="Lock"/>. They only look up and
    /// write structs, with keys hashed before the lock was taken; the caller builds the <see cref="CouponRedemption"/>
    /// after letting the lock go, so nothing is allocated under the lock but the dictionary's own growth.
    /// </summary>
    private sealed class CodeState(Coupon coupon)
    {
        // Redemptions are appended to fixed-size chunks and found through an index of small entries: growing copies
        // only the index, and the chunks stay small enough for the small-object heap. The first chunk starts small and
        // doubles up to the chunk size.
        private const int ChunkShift = 8;
        private const int ChunkSize = 1 << ChunkShift;
        private const int FirstChunkSize = 2;
        private readonly Dictionary<Hashed<OrderId>, int> _byOrder = [];
        private Held[][] _chunks = new Held[4][];
        private int _count;
        // Kept only for a coupon with a per-customer limit: nothing else reads it.
        private readonly Dictionary<Hashed<CustomerId>, int> _activeByCustomer = [];

        public Lock Lock { get; } = new();

        public Coupon Coupon { get; } = coupon;

        public long Reserved { get; private set; }

        public long Confirmed { get; private set; }

        public long Released { get; private set; }

        /// <summary>The order's redemption as <see cref="RedemptionOutcome.AlreadyDone"/>, or <see cref="RedemptionOutcome.NotReserved"/>.</summary>
        public Change Find(Hashed<OrderId> order) => _byOrder.TryGetValue(order, out var index)
            ? new Change(RedemptionOutcome.AlreadyDone, true, At(index))
            : new Change(RedemptionOutcome.NotReserved, false, default);

        /// <summary>Reserves a use; <paramref name="customer"/> is only read when the coupon has a per-customer limit.</summary>
        public Change Reserve(RedemptionRequest request, Hashed<OrderId> order, Hashed<CustomerId> customer)
        {
            if (_byOrder.TryGetValue(order, out var index))
            {
                ref var existing = ref At(index);
                var outcome = existing.Customer != request.CustomerId || existing.Discount != request.Discount ? RedemptionOutcome.PayloadMismatch
                    : existing.State != RedemptionState.Released ? RedemptionOutcome.AlreadyDone
                    : RedemptionOutcome.AlreadyReleased;
                return new Change(outcome, true, existing);
            }

            if (Coupon.AssignedTo is { } owner && owner != request.CustomerId)
            {
                return new Change(RedemptionOutcome.AssignedToAnotherCustomer, false, default);
            }

            if (Coupon.MaxRedemptions is { } cap && Reserved + Confirmed >= cap)
            {
                return new Change(RedemptionOutcome.CapReached, false, default);
            }

            if (Coupon.PerCustomerLimit is { } limit)
            {
                ref var active = ref CollectionsMarshal.GetValueRefOrAddDefault(_activeByCustomer, customer, out _);
                if (active >= limit)
                {
                    return new Change(RedemptionOutcome.PerCustomerLimitReached, false, default);
                }

                active++;
            }

            var reserved = new Held(request.CustomerId, request.Discount, RedemptionState.Reserved, request.At, default, default);
            _byOrder.Add(order, Append(reserved));
            Reserved++;
            return new Change(RedemptionOutcome.Done, true, reserved);
        }

        public Change Confirm(Hashed<OrderId> order, Instant at)
        {
            if (!_byOrder.TryGetValue(order, out var index))
            {
                return new Change(RedemptionOutcome.NotReserved, false, default);
            }

            ref var held = ref At(index);

            if (held.State != RedemptionState.Reserved)
            {
                return new Change(held.State == RedemptionState.Confirmed ? RedemptionOutcome.AlreadyDone : RedemptionOutcome.AlreadyReleased, true, held);
            }

            held = held with { State = RedemptionState.Confirmed, ConfirmedAt = at, WasConfirmed = true };
            Reserved--;
            Confirmed++;
            return new Change(RedemptionOutcome.Done, true, held);
        }

        public Change Release(Hashed<OrderId> order, Instant at)
        {
            if (!_byOrder.TryGetValue(order, out var index))
            {
                return new Change(RedemptionOutcome.NotReserved, false, default);
            }

            ref var held = ref At(index);

            if (held.State == RedemptionState.Released)
            {
                return new Change(RedemptionOutcome.AlreadyDone, true, held);
            }

            if (held.State == RedemptionState.Reserved)
            {
                Reserved--;
            }
            else
            {
                Confirmed--;
            }

            held = held with { State = RedemptionState.Released, ReleasedAt = at };
            Released++;
            if (Coupon.PerCustomerLimit is not null)
            {
                CollectionsMarshal.GetValueRefOrNullRef(_activeByCustomer, new Hashed<CustomerId>(held.Customer))--;
            }

            return new Change(RedemptionOutcome.Done, true, held);
        }

        /// <summary>The redemptions of one customer, each with its order.</summary>
        public IEnumerable<(OrderId Order, Change Change)> RedemptionsOf(CustomerId customer)
        {
            foreach (var (order, index) in _byOrder)
            {
                var held = At(index);
                if (held.Customer == customer)
                {
                    yield return (order.Value, new Change(RedemptionOutcome.AlreadyDone, true, held));
                }
            }
        }

        private ref Held At(int index) => ref _chunks[index >> ChunkShift][index & (ChunkSize - 1)];

        private int Append(Held held)
        {
            var chunk = _count >> ChunkShift;
            if (chunk == _chunks.Length)
            {
                Array.Resize(ref _chunks, _chunks.Length * 2);
            }

            var slot = _count & (ChunkSize - 1);
            ref var items = ref _chunks[chunk];
            if (items is null)
            {
                // Most codes are single-use: a whole first chunk (kilobytes, zeroed) per code cost more than the redeem.
                items = new Held[chunk == 0 ? FirstChunkSize : ChunkSize];
            }
            else if (slot == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[slot] = held;
            return _count++;
        }
    }

    /// <summary>
    /// A redemption as stored: a struct in a chunk, not an object for the GC to trace. The instants are not nullable,
    /// to keep it small; <see cref="WasConfirmed"/> and <see cref="State"/> say which of them are set.
    /// </summary>
    private readonly record struct Held(CustomerId Customer, Money Discount, RedemptionState State, Instant ReservedAt, Instant ConfirmedAt, Instant ReleasedAt)
    {
        public bool WasConfirmed { get; init; }
    }

    /// <summary>What a call did under the lock, with a copy of the redemption; it becomes a result after the lock is let go.</summary>
    private readonly record struct Change(RedemptionOutcome Outcome, bool HasRedemption, Held Held)
    {
        public CouponRedemption ToRedemption(CouponCode code, OrderId order) =>
            new(code, order, Held.Customer, Held.Discount, Held.State, Held.ReservedAt)
            {
                ConfirmedAt = Held.WasConfirmed ? Held.ConfirmedAt : null,
                ReleasedAt = Held.State == RedemptionState.Released ? Held.ReleasedAt : null,
            };
    }

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
