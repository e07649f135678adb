# Création des comptes utilisateurs à partir d'un fichier CSV
# Auteur : Erwan Le Goff — BTS SIO SISR (décembre 2025)
# Format du CSV (séparateur ;) : Prenom;Nom;Service
param(
    [Parameter(Mandatory = $true)] [string] $Fichier,
    [string] $Domaine = "sio.lan"
)
Import-Module ActiveDirectory

$MotDePasse = Read-Host -AsSecureString "Mot de passe initial"
Import-Csv -Path $Fichier -Delimiter ";" -Encoding UTF8 | ForEach-Object {
    $login = ($_.Prenom.Substring(0, 1) + "." + $_.Nom).ToLower()
    $ou = "OU=$($_.Service),OU=Utilisateurs,DC=sio,DC=lan"
    if (Get-ADUser -Filter "SamAccountName -eq '$login'") {
        Write-Warning "$login existe déjà, ignoré"
        return
    }
    New-ADUser -Name "$($_.Prenom) $($_.Nom)" -GivenName $_.Prenom -Surname $_.Nom `
        -SamAccountName $login -UserPrincipalName "$login@$Domaine" -Path $ou `
        -AccountPassword $MotDePasse -ChangePasswordAtLogon $true -Enabled $true
    Add-ADGroupMember -Identity "GG_$($_.Service)" -Members $login
    Write-Host "Compte $login créé dans $ou"
}
