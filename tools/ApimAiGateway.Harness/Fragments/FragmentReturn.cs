namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// An answer the fragment itself returns (or raises to on-error): its status (a code, or a phrase such as
/// "the backend's"), the error code of the JSON error body (or "none") and when it happens.
/// </summary>
public sealed record FragmentReturn(string Status, string? Code, string? When);
