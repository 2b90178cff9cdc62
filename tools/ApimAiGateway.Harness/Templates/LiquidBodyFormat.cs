namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// How the body binds to <c>body</c>, decided by the Content-Type as "set-body policy" states: JSON for
/// application/json, text/json and any type ending in +json; XML for application/xml, text/xml and any type ending
/// in +xml; no body for anything else.
/// </summary>
internal enum LiquidBodyFormat
{
    None,
    Json,
    Xml,
}
