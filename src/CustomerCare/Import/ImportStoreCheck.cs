using CustomerCare.Customers;
using CustomerCare.Storage;

namespace CustomerCare.Import;

/// <summary>
/// Checks the rows against what the store already holds: new customers and orders must not exist yet, referenced
/// customers and orders must exist in the files or in the store, and reviews must not have been imported before.
/// </summary>
internal static class ImportStoreCheck
{
    /// <summary>Runs the checks, reporting each problem at its row.</summary>
    /// <returns>The stored customers that rows of the files refer to, by identifier.</returns>
    public static async Task<Dictionary<string, Customer>> RunAsync(ImportBatch batch, ICustomerStore store, CsvErrorSink sink, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var (id, row) in batch.CustomerRows)
        {
            if (sink.IsFull)
            {
                return stored;
            }

            if (await store.FindAsync(CustomerId.From(id), cancellationToken).ConfigureAwait(false) is not null)
            {
                sink.Add(row.Error(CustomerColumns.CustomerId, id, CsvErrorCodes.AlreadyExists, "already exists in the store; an import never overwrites a customer, so remove the row (their orders and reviews can still be imported)"));
            }
        }

        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, customerId) in batch.CustomerReferences)
        {
            if (sink.IsFull)
            {
                return stored;
            }

            var id = customerId.Value;
            if (batch.CustomerRows.ContainsKey(id) || stored.ContainsKey(id))
            {
                continue;
            }

            if (!unknown.Contains(id) && await store.FindAsync(customerId, cancellationToken).ConfigureAwait(false) is { } customer)
            {
                stored[id] = customer;
                continue;
            }

            unknown.Add(id);
            sink.Add(row.Error(CustomerColumns.CustomerId, id, CsvErrorCodes.UnknownReference, "is neither in customers.csv nor in the store"));
        }

        foreach (var (id, (row, _)) in batch.OrderRows)
        {
            if (sink.IsFull)
            {
                return stored;
            }

            if (await store.FindOrderAsync(Orders.OrderId.From(id), cancellationToken).ConfigureAwait(false) is not null)
            {
                sink.Add(row.Error(OrderColumns.OrderId, id, CsvErrorCodes.AlreadyExists, "already exists in the store; an import never overwrites an order, so remove the row"));
            }
        }

        await CheckOrderReferencesAsync(batch, store, sink, cancellationToken).ConfigureAwait(false);
        await CheckLedgerAsync(batch, store, sink, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    private static async Task CheckOrderReferencesAsync(ImportBatch batch, ICustomerStore store, CsvErrorSink sink, CancellationToken cancellationToken)
    {
        foreach (var (row, orderId, customerId) in batch.OrderReferences)
        {
            if (sink.IsFull)
            {
                return;
            }

            CustomerId? owner;
            if (batch.OrderRows.TryGetValue(orderId.Value, out var inFile))
            {
                owner = inFile.Customer;
            }
            else if (await store.FindOrderAsync(orderId, cancellationToken).ConfigureAwait(false) is { } order)
            {
                owner = order.CustomerId;
            }
            else
            {
                sink.Add(row.Error(ReviewColumns.OrderId, orderId.Value, CsvErrorCodes.UnknownReference, "is neither in orders.csv nor in the store"));
                continue;
            }

            if (owner is { } o && customerId is { } c && o != c)
            {
                sink.Add(row.Error(ReviewColumns.OrderId, orderId.Value, Orders.EventRejectionCodes.CustomerMismatch, $"belongs to customer '{o}', not to the review's customer '{c}'"));
            }
        }
    }

    private static async Task CheckLedgerAsync(ImportBatch batch, ICustomerStore store, CsvErrorSink sink, CancellationToken cancellationToken)
    {
        // Customers and orders already stored are refused above; a review leaves no trace but its ledger entry.
        if (store is not IProcessedEventLedger ledger)
        {
            return;
        }

        foreach (var review in batch.Reviews)
        {
            if (sink.IsFull)
            {
                return;
            }

            var eventId = ImportEventIds.Review(review.ReviewId);
            if (await ledger.ContainsAsync(eventId, cancellationToken).ConfigureAwait(false))
            {
                sink.Add(review.Source.Error(ReviewColumns.ReviewId, review.ReviewId, CsvErrorCodes.AlreadyExists, $"was already imported: event '{eventId}' is in the store's ledger"));
            }
        }
    }
}
