using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>The query columns of the customers table, in the order the migrations created them.</summary>
internal static class CustomerColumns
{
    public static IReadOnlyList<CustomerColumn> All { get; } =
    [
        new("birth_month", SqliteType.Integer, c => c.Birthday?.Date.Month),
        new("birth_day", SqliteType.Integer, c => c.Birthday?.Date.Day),
    ];
}
