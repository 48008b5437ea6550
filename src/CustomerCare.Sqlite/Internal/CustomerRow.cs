using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>A customer ready to write: its document and the values of the query columns, computed before the transaction.</summary>
internal sealed class CustomerRow
{
    private readonly object?[] _values;

    private CustomerRow(string id, long expectedVersion, string document, object?[] values)
    {
        Id = id;
        ExpectedVersion = expectedVersion;
        Document = document;
        _values = values;
    }

    public static string ColumnList { get; } = string.Join(", ", CustomerColumns.All.Select(c => c.Name));

    public static string ParameterList { get; } = string.Join(", ", CustomerColumns.All.Select(c => "$" + c.Name));

    public static string Assignments { get; } = string.Join(", ", CustomerColumns.All.Select(c => $"{c.Name} = ${c.Name}"));

    public string Id { get; }

    public long ExpectedVersion { get; }

    public string Document { get; }

    public static CustomerRow From(VersionedWrite<Customer> write)
    {
        var stored = write.Item with { Version = write.ExpectedVersion + 1 };
        return new CustomerRow(
            stored.Id.Value,
            write.ExpectedVersion,
            StorageJson.Serialize(stored),
            [.. CustomerColumns.All.Select(c => c.Value(stored))]);
    }

    public static void AddParameters(SqliteCommand command)
    {
        command.Parameter("$id", SqliteType.Text);
        command.Parameter("$document", SqliteType.Text);
        foreach (var column in CustomerColumns.All)
        {
            command.Parameter("$" + column.Name, column.Type);
        }
    }

    public void Bind(SqliteCommand command)
    {
        command.Parameters["$id"].Value = Id;
        command.Parameters["$document"].Value = Document;
        var columns = CustomerColumns.All;
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters["$" + columns[i].Name].Value = SqliteValues.Db(_values[i]);
        }

        if (command.Parameters.Contains("$sortKey"))
        {
            command.Parameters["$sortKey"].Value = SqliteValues.SortKey(Id);
        }

        if (command.Parameters.Contains("$expected"))
        {
            command.Parameters["$expected"].Value = ExpectedVersion;
        }
    }
}
