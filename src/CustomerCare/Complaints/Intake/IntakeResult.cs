namespace CustomerCare.Complaints.Intake;

/// <summary>What receiving a complaint did.</summary>
/// <param name="Complaint">The stored complaint.</param>
/// <param name="IsNew"><see langword="true"/> when this submission created it; <see langword="false"/> when its channel and source reference had been received before.</param>
public sealed record IntakeResult(Complaint Complaint, bool IsNew);
