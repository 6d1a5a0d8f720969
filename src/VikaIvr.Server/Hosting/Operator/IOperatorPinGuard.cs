namespace VikaIvr.Server.Hosting.Operator;

/// <summary>What check-pin asks around its comparison, for one call: may this caller try now, and how the try went.</summary>
public interface IOperatorPinGuard
{
    /// <summary>False while the caller's number or source address is locked out: the PIN is then not compared, and the caller hears a wrong PIN.</summary>
    bool Admits();

    void Failed();

    void Passed();
}
