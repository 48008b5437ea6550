namespace CustomerCare.Import;

/// <summary>The files of one import: customers and orders, and optionally reviews.</summary>
/// <param name="Customers">The customers file; it may hold only a header when every customer is already stored.</param>
/// <param name="Orders">The orders file; it may hold only a header.</param>
/// <param name="Reviews">The reviews file, or <see langword="null"/>.</param>
public sealed record CsvImportSources(CsvSource Customers, CsvSource Orders, CsvSource? Reviews = null);
