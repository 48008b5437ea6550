using CustomerCare.Customers;

namespace CustomerCare.Import;

/// <summary>Checks short free-text values (city, tags, subscriptions, categories) by the rule <see cref="Customer"/> applies.</summary>
internal static class CsvText
{
    /// <summary>Checks one value; reports and returns <see langword="false"/> when it is blank, too long or has a control character.</summary>
    public static bool Check(CsvRow row, string column, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            row.Error(column, value, FieldErrorCodes.Required, "has a blank entry between '|' separators");
            return false;
        }

        if (value.Trim().Length > Customer.MaxTextLength)
        {
            row.Error(column, value, FieldErrorCodes.TooLong, $"is longer than {Customer.MaxTextLength} characters");
            return false;
        }

        if (value.Any(char.IsControl))
        {
            row.Error(column, value, FieldErrorCodes.Malformed, "contains a control character");
            return false;
        }

        return true;
    }

    /// <summary>Checks every entry of a list; returns <see langword="false"/> when any was refused.</summary>
    public static bool CheckAll(CsvRow row, string column, IEnumerable<string> values) =>
        values.Select(v => Check(row, column, v)).ToArray().All(ok => ok);
}
