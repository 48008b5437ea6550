using System.Runtime.InteropServices;
using CustomerCare.Coupons.Codes;
using CustomerCare.Orders;

namespace CustomerCare.Storage.InMemory;

public sealed partial class InMemoryCouponStore
{
    /// <summary>
    /// Which codes each order reserved, so that releasing a cancelled order does not scan every code. Sharded by the
    /// order's hash, each shard under its own lock; entries are structs, so the index adds no object per order for the
    /// garbage collector to trace.
    /// </summary>
    private sealed class OrderIndex
    {
        private const int ShardCount = 32;
        private readonly Shard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(_ => new Shard())];

        public void Add(Hashed<OrderId> order, CouponCode code)
        {
            var shard = _shards[order.Hash & (ShardCount - 1)];
            lock (shard.Lock)
            {
                ref var codes = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.Codes, order, out var exists);
                codes = exists ? codes.With(code) : new OrderCodes(code, null);
            }
        }

        public OrderCodes? Find(Hashed<OrderId> order)
        {
            var shard = _shards[order.Hash & (ShardCount - 1)];
            lock (shard.Lock)
            {
                return shard.Codes.TryGetValue(order, out var codes) ? codes : null;
            }
        }

        private sealed class Shard
        {
            public Lock Lock { get; } = new();

            public Dictionary<Hashed<OrderId>, OrderCodes> Codes { get; } = [];
        }
    }

    /// <summary>The codes of one order: nearly always one, so the first is kept inline.</summary>
    private readonly record struct OrderCodes(CouponCode First, CouponCode[]? Others)
    {
        public OrderCodes With(CouponCode code) => this with { Others = [.. Others ?? [], code] };

        public IEnumerable<CouponCode> All => Others is null ? [First] : [First, .. Others];
    }
}
