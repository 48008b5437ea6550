using Microsoft.Extensions.Options;

namespace CustomerCare.Webhooks;

/// <summary>Validates <see cref="InboundWebhookOptions"/> when the host starts, naming each bad setting and its value (secrets by length only).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public sealed class InboundWebhookOptionsValidator : IValidateOptions<InboundWebhookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InboundWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Check();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => FieldErrors.WithPrefix(e, "Inbound").Message));
    }
}
