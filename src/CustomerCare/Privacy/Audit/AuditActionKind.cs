namespace CustomerCare.Privacy.Audit;

/// <summary>What an audit entry records. Stored and hashed by name, so the numbers may be reordered but names never change.</summary>
public enum AuditActionKind
{
    /// <summary>The satisfaction policy (promises, SLAs, compensation, returns, tone) was changed.</summary>
    PolicyChange = 0,

    /// <summary>Staff acted on a complaint: moved it, assigned it, corrected its category, answered it.</summary>
    ComplaintStaffAction,

    /// <summary>A customer's consent was given, withdrawn or changed.</summary>
    ConsentChange,

    /// <summary>A customer's personal data was erased.</summary>
    Erasure,

    /// <summary>A customer's personal data was exported (a subject access request).</summary>
    Export,

    /// <summary>A personal-data breach was recorded, or its affected customers were notified.</summary>
    Breach,
}
