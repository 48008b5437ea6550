using CustomerCare;
using Microsoft.Extensions.Options;

namespace Contoso.CustomerCare.PriceHistory;

/// <summary>Validates <see cref="JsonLinesPriceHistoryStoreOptions"/> when the host starts, naming the option and its value.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public sealed class JsonLinesPriceHistoryStoreOptionsValidator : IValidateOptions<JsonLinesPriceHistoryStoreOptions>
{
    /// <summary>The prefix of the option names in the messages: <c>PriceHistory.Path</c>.</summary>
    public const string Prefix = "PriceHistory";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JsonLinesPriceHistoryStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Check(options);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => FieldErrors.WithPrefix(e, Prefix).Message));
    }

    /// <summary>Checks every option.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The problems, each naming the option and its value; empty when the options are valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<FieldError> Check(JsonLinesPriceHistoryStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            return [FieldErrors.Create(nameof(options.Path), path, FieldErrorCodes.Required, "is required: the JSON-lines file to keep prices in")];
        }

        if (path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || path.Any(char.IsControl))
        {
            return [FieldErrors.Create(nameof(options.Path), path, FieldErrorCodes.Malformed, "is not a file path")];
        }

        return System.IO.Path.EndsInDirectorySeparator(path) || Directory.Exists(path)
            ? [FieldErrors.Create(nameof(options.Path), path, FieldErrorCodes.Malformed, "names a folder, not a file")]
            : [];
    }
}
