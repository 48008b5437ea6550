using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlStoreOptions"/>, naming each bad option and its value.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed partial class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Lists what is wrong with the options; empty when they are valid.</summary>
    internal static List<string> Check(PostgreSqlStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("option 'PostgreSql:ConnectionString' is required (an Npgsql connection string such as 'Host=db;Database=care;Username=care')");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException e)
            {
                // The value may hold a password, so only the parser's reason is repeated.
                failures.Add($"option 'PostgreSql:ConnectionString' is not a valid Npgsql connection string: {e.Message}");
            }
        }

        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            failures.Add($"option 'PostgreSql:Schema': value '{options.Schema}' must be 1 to 63 lower-case ASCII letters, digits or underscores, starting with a letter or an underscore");
        }

        CheckRange(failures, "LockTimeout", options.LockTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        CheckRange(failures, "CommandTimeout", options.CommandTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        CheckRange(failures, "RetryDelay", options.RetryDelay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"option 'PostgreSql:MaxAttempts': value '{options.MaxAttempts}' must be between 1 and 20"));
        }

        return failures;
    }

    private static void CheckRange(List<string> failures, string option, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"option 'PostgreSql:{option}': value '{value:c}' must be between {min:c} and {max:c}"));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
