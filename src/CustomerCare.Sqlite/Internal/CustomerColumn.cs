using CustomerCare.Customers;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>A column kept beside a customer's document so that queries can filter on it; its value is computed from the customer.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The SQLite type.</param>
/// <param name="Value">The value for a customer; <see langword="null"/> is SQL NULL.</param>
internal sealed record CustomerColumn(string Name, SqliteType Type, Func<Customer, object?> Value);
