<?php
// Extrait — application de suivi des stages (projet d'équipe, BTS SIO SLAM, 2025)
// Autrice : Nolwenn Kerbrat. Un tuteur ne voit que les conventions de ses stagiaires.

namespace App\Security\Voter;

use App\Entity\Convention;
use App\Entity\Utilisateur;
use Symfony\Component\Security\Core\Authentication\Token\TokenInterface;
use Symfony\Component\Security\Core\Authorization\Voter\Voter;

final class ConventionVoter extends Voter
{
    public const VOIR = 'CONVENTION_VOIR';
    public const VALIDER = 'CONVENTION_VALIDER';

    protected function supports(string $attribute, mixed $subject): bool
    {
        return in_array($attribute, [self::VOIR, self::VALIDER], true)
            && $subject instanceof Convention;
    }

    protected function voteOnAttribute(string $attribute, mixed $subject, TokenInterface $token): bool
    {
        $utilisateur = $token->getUser();
        if (!$utilisateur instanceof Utilisateur) {
            return false;
        }
        if (in_array('ROLE_ENSEIGNANT', $utilisateur->getRoles(), true)) {
            return true; // les enseignants voient et valident toutes les conventions
        }

        return match ($attribute) {
            self::VOIR => $subject->getEtudiant() === $utilisateur
                || $subject->getTuteur() === $utilisateur,
            self::VALIDER => $subject->getTuteur() === $utilisateur,
            default => false,
        };
    }
}
