using System.Globalization;
using CustomerCare;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.PostgreSql;
using NodaTime;

// Usage: worker <redeem|outbox> <connection string> <schema> <name> [code]
// Prints "ready", waits for a line on standard input, races, then prints one line per success and "done".
var mode = args[0];
var options = new PostgreSqlStoreOptions { ConnectionString = args[1], Schema = args[2], AutoMigrate = false };
var name = args[3];
await using var database = new PostgreSqlDatabase(options);
var at = Instant.FromUtc(2027, 1, 1, 12, 0);
Console.WriteLine("ready");
_ = Console.ReadLine();
switch (mode)
{
    case "redeem":
        {
            var store = new PostgreSqlCouponStore(database);
            var code = CouponCode.Parse(args[4]);
            for (var i = 0; i < 200; i++)
            {
                var order = OrderId.From(string.Create(CultureInfo.InvariantCulture, $"o-{name}-{i}"));
                var result = await store.ReserveAsync(new RedemptionRequest(code, order, CustomerId.From(string.Create(CultureInfo.InvariantCulture, $"c-{name}-{i}")), new Money(10m, Currency.TRY), at));
                if (result.Outcome == RedemptionOutcome.Done)
                {
                    Console.WriteLine("won " + order.Value);
                }
            }

            break;
        }

    case "outbox":
        {
            var store = new PostgreSqlOutboxStore(database);
            while (true)
            {
                var batch = await store.ClaimDueAsync(at, name, Duration.FromMinutes(10), 3);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    // "Sending" is recording the outcome; a message printed twice would be a double send.
                    if (await store.CompleteAsync(message with { Status = OutboxStatus.Sent, SentAt = at, Attempts = message.Attempts + 1 }, name))
                    {
                        Console.WriteLine("sent " + message.Id);
                    }
                }
            }

            break;
        }

    default:
        Console.Error.WriteLine("unknown mode " + mode);
        return 2;
}

Console.WriteLine("done");
return 0;
