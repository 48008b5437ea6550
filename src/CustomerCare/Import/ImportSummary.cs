namespace CustomerCare.Import;

/// <summary>What a successful <see cref="CsvImporter.ImportAsync"/> wrote.</summary>
/// <param name="Customers">New customers from <c>customers.csv</c>.</param>
/// <param name="Orders">Orders from <c>orders.csv</c>.</param>
/// <param name="Reviews">Reviews from <c>reviews.csv</c>.</param>
/// <param name="Events">Commerce events applied and recorded in the ledger (registrations, order life, reviews).</param>
public sealed record ImportSummary(int Customers, int Orders, int Reviews, int Events);
