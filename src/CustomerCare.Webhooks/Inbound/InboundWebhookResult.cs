using CustomerCare.Complaints.Intake;

namespace CustomerCare.Webhooks;

/// <summary>What the <see cref="InboundWebhookHandler"/> answers: an HTTP status, a JSON body for the host to write, and the complaints or the refusal.</summary>
/// <param name="StatusCode">201 when a complaint was created, 200 when every complaint was known already (or the post held none), else the refusal's status.</param>
/// <param name="ContentType"><c>application/json</c>, or <c>application/problem+json</c> for a refusal.</param>
/// <param name="Body">The UTF-8 JSON body: <c>{"complaints":[{"id","source_reference","new"}]}</c>, or an RFC 9457 problem.</param>
public sealed record InboundWebhookResult(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>The complaints the post became, in payload order; empty when refused.</summary>
    public IReadOnlyList<IntakeResult> Complaints { get; init; } = [];

    /// <summary>Why the post was refused; <see langword="null"/> when accepted.</summary>
    public InboundRejection? Rejection { get; init; }

    /// <summary>Whether the post was accepted.</summary>
    public bool IsAccepted => Rejection is null;
}
