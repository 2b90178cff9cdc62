namespace ApimAiGateway.Harness.Services;

/// <summary>How a call on the simulated network ended.</summary>
public enum ServiceOutcomeKind
{
    /// <summary>The service answered; any status, including 4xx and 5xx, is an answer and not a failure.</summary>
    Response,

    /// <summary>No connection could be made or it broke before a response: APIM's <c>BackendConnectionFailure</c>.</summary>
    ConnectionFailure,

    /// <summary>No response arrived within the caller's timeout: APIM's <c>Timeout</c>.</summary>
    Timeout,
}
