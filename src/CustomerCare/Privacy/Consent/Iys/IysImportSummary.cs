namespace CustomerCare.Privacy.Consent.Iys;

/// <summary>What an İYS consent import did.</summary>
/// <param name="Rows">The data rows read.</param>
/// <param name="Appended">The consent records that were new to the ledger (0 when the same file is imported again).</param>
/// <param name="Customers">The customers the rows matched.</param>
public sealed record IysImportSummary(int Rows, int Appended, int Customers);
