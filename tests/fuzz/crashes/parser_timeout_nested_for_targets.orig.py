0=~{{{not__r[(Eooooookooooooooooooooooooooooooooooooooooooooooooooooor_%na for{que for{{not_ooooooooooopr_%na for{que for{{\
noooooot__r[(Eooooookooooooooooooooooooooooooooooooooooooooooooooooooooooopr_%na for{que for{{not_ooooooooooopr_%na for{que for{{\
not__r[(Eooooooooooooooooooooooooopr_%na
for{que for{onp,apr_%na for{que for{{\
not__r[(Eooooooooooooooooooooooooopr_%na
for{que for{onp,aoa(pper{oa(pper{pr_%na for{que for{{not_ooooooooooopr_%na for{que for{{\
not__r[(Eooooooooooooooooooooooooopr_%na
for{que for{onp,aoa(pper{{p<=pppp:*#euerr{{async with{{